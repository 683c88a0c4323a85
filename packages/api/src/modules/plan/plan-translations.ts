/**
 * The Spanish and English text of a work plan whose document is in Catalan: its title, mission,
 * axes (title and purpose), objectives and measures, by code. Each entry repeats the Catalan it
 * translates (`ca`): a translation is applied only while the stored Catalan is that text, so a
 * document that changes a title never shows the old one's translation.
 */
export interface Translation {
  ca: string;
  es: string;
  en: string;
}

export interface PlanTranslations {
  title: Translation;
  mission: Translation;
  axes: Record<string, { title: Translation; purpose?: Translation }>;
  objectives: Record<string, Translation>;
  measures: Record<string, Translation>;
}

const plan2018: PlanTranslations = {
  title: { ca: 'Pla de treball 2018', es: 'Plan de trabajo 2018', en: 'Work plan 2018' },
  mission: {
    ca: "Promoure l'activitat econòmica en clau de proximitat i de reequilibri territorial, apropant els serveis de Barcelona Activa als barris, reforçant el teixit econòmic, social i comunitari dels districtes i impulsant les innovacions socioeconòmiques transformadores i l'economia social.",
    es: 'Promover la actividad económica en clave de proximidad y de reequilibrio territorial, acercando los servicios de Barcelona Activa a los barrios, reforzando el tejido económico, social y comunitario de los distritos e impulsando las innovaciones socioeconómicas transformadoras y la economía social.',
    en: "To promote economic activity close to where people live and to rebalance the city's territories, bringing Barcelona Activa's services to the neighbourhoods, strengthening the economic, social and community fabric of the districts and driving transformative socio-economic innovation and the social economy.",
  },
  axes: {
    '1': {
      title: {
        ca: 'Desenvolupament econòmic de proximitat',
        es: 'Desarrollo económico de proximidad',
        en: 'Local economic development',
      },
      purpose: {
        ca: 'Promoure estratègies de desenvolupament econòmic de proximitat que generin models de dinamització innovadors per donar resposta a les necessitats i potencialitats de cada territori.',
        es: 'Promover estrategias de desarrollo económico de proximidad que generen modelos de dinamización innovadores para dar respuesta a las necesidades y potencialidades de cada territorio.',
        en: 'To promote local economic development strategies that create innovative models of revitalisation, answering the needs and potential of each area.',
      },
    },
    '2': {
      title: {
        ca: 'Innovació socioeconòmica',
        es: 'Innovación socioeconómica',
        en: 'Socio-economic innovation',
      },
      purpose: {
        ca: "Promoure la innovació socioeconòmica i l'impuls de l'economia social en el marc del pla d'impuls de l'Economia Social i Solidària.",
        es: 'Promover la innovación socioeconómica y el impulso de la economía social en el marco del plan de impulso de la Economía Social y Solidaria.',
        en: 'To promote socio-economic innovation and the growth of the social economy within the plan to boost the Social and Solidarity Economy.',
      },
    },
    '3': {
      title: {
        ca: 'Polítiques de temps per a la millora de la vida quotidiana de la ciutadania',
        es: 'Políticas de tiempo para la mejora de la vida cotidiana de la ciudadanía',
        en: "Time policies to improve people's everyday lives",
      },
      purpose: {
        ca: 'Impulsar una nova cultura dels usos del temps a la ciutat i a les empreses a favor de nous models que facin possible repensar una nova organització dels temps més igualitària, més eficient i més saludable.',
        es: 'Impulsar una nueva cultura de los usos del tiempo en la ciudad y en las empresas a favor de nuevos modelos que hagan posible repensar una nueva organización de los tiempos más igualitaria, más eficiente y más saludable.',
        en: 'To foster a new culture of time use in the city and in companies, in favour of new models that make it possible to rethink the organisation of time so that it is fairer, more efficient and healthier.',
      },
    },
    '4': {
      title: { ca: 'Organització interna', es: 'Organización interna', en: 'Internal organisation' },
      purpose: {
        ca: 'Contribuir a la millora del benestar i la professionalització de les persones treballadores, fomentant la participació i el desenvolupament del talent.',
        es: 'Contribuir a la mejora del bienestar y la profesionalización de las personas trabajadoras, fomentando la participación y el desarrollo del talento.',
        en: 'To contribute to the well-being and professional development of the staff, encouraging participation and the development of talent.',
      },
    },
  },
  objectives: {
    '1.1': {
      ca: "Desplegar l'estratègia de territorialització de serveis i accions de Barcelona Activa",
      es: 'Desplegar la estrategia de territorialización de servicios y acciones de Barcelona Activa',
      en: "Roll out the strategy to bring Barcelona Activa's services and actions to every district",
    },
    '1.2': {
      ca: 'Elaborar i consolidar els Plans de Desenvolupament Econòmic (PDE) als districtes amb menys renda disponible com a model de coordinació de les intervencions de desenvolupament econòmic del districte',
      es: 'Elaborar y consolidar los Planes de Desarrollo Económico (PDE) en los distritos con menos renta disponible como modelo de coordinación de las intervenciones de desarrollo económico del distrito',
      en: "Draw up and consolidate the Economic Development Plans (PDE) in the districts with the lowest disposable income, as the model for coordinating each district's economic development work",
    },
    '1.3': {
      ca: "Promoure estratègies i instruments de finançament per l'impuls socioeconòmic del territori (cofinançament mitjançant subvencions, crowdfunding, matchfunding)",
      es: 'Promover estrategias e instrumentos de financiación para el impulso socioeconómico del territorio (cofinanciación mediante subvenciones, crowdfunding, matchfunding)',
      en: 'Promote funding strategies and instruments for the socio-economic development of each area (co-funding through grants, crowdfunding, matchfunding)',
    },
    '1.4': {
      ca: 'Accions de dinamització econòmica a barris en situació de desavantatge',
      es: 'Acciones de dinamización económica en barrios en situación de desventaja',
      en: 'Economic revitalisation in disadvantaged neighbourhoods',
    },
    '2.1': {
      ca: "Potenciar el rol de Barcelona Activa per contribuir al creixement de l'economia social a la ciutat, en el marc del pla d'impuls de l'Economia Social i Solidària, definint models i estratègies de suport",
      es: 'Potenciar el papel de Barcelona Activa para contribuir al crecimiento de la economía social en la ciudad, en el marco del plan de impulso de la Economía Social y Solidaria, definiendo modelos y estrategias de apoyo',
      en: "Strengthen Barcelona Activa's role in growing the city's social economy, within the plan to boost the Social and Solidarity Economy, by defining support models and strategies",
    },
    '2.2': {
      ca: "Acompanyament i formació per l'Economia Social i Solidària (ESS)",
      es: 'Acompañamiento y formación para la Economía Social y Solidaria (ESS)',
      en: 'Support and training for the Social and Solidarity Economy (SSE)',
    },
    '2.3': {
      ca: "Impuls i enfortiment de l'Economia Social i Solidària al territori",
      es: 'Impulso y fortalecimiento de la Economía Social y Solidaria en el territorio',
      en: 'Boosting and strengthening the Social and Solidarity Economy in each area',
    },
    '2.4': {
      ca: 'Projectes cooperatius front la vulnerabilitat social',
      es: 'Proyectos cooperativos frente a la vulnerabilidad social',
      en: 'Cooperative projects against social vulnerability',
    },
    '2.5': {
      ca: "Creació del centre municipal per a la innovació socioeconòmica com espai de referència de ciutat i també internacional pel que fa a la experimentació, recerca i node connector de la innovació socioeconòmica i l'economia social",
      es: 'Creación del centro municipal para la innovación socioeconómica como espacio de referencia de la ciudad, y también internacional, en experimentación, investigación y nodo conector de la innovación socioeconómica y la economía social',
      en: 'Creation of the municipal centre for socio-economic innovation, a city and international reference for experimentation and research, and a hub connecting socio-economic innovation and the social economy',
    },
    '2.6': {
      ca: "Promoure la contractació pública socialment responsable en el marc de les empreses d'economia social",
      es: 'Promover la contratación pública socialmente responsable en el marco de las empresas de economía social',
      en: 'Promote socially responsible public procurement from social economy companies',
    },
    '3.1': {
      ca: 'Impulsar programes i estratègies que permetin adaptar els horaris i ritmes de vida a les necessitats de la ciutadania, en particular el nou pacte del temps de Barcelona',
      es: 'Impulsar programas y estrategias que permitan adaptar los horarios y ritmos de vida a las necesidades de la ciudadanía, en particular el nuevo pacto del tiempo de Barcelona',
      en: "Promote programmes and strategies that adapt timetables and the pace of life to people's needs, in particular Barcelona's new Time Agreement",
    },
    '4.1': {
      ca: "Implementar models organitzatius i metodologies de treball que donin resposta als reptes de la transversalitat i la territorialització, assegurant un entorn de treball on es fomenta el talent i s'estimula el potencial de les persones treballadores en un clima de respecte, col·laboració i reconeixement",
      es: 'Implantar modelos organizativos y metodologías de trabajo que den respuesta a los retos de la transversalidad y la territorialización, asegurando un entorno de trabajo en el que se fomente el talento y se estimule el potencial de las personas trabajadoras en un clima de respeto, colaboración y reconocimiento',
      en: 'Put in place ways of organising and working that meet the challenges of cross-cutting and territorial work, ensuring a workplace that fosters talent and encourages the potential of the staff in a climate of respect, collaboration and recognition',
    },
  },
  measures: {
    '1.1.A': {
      ca: 'Elaboració del model de desenvolupament econòmic de proximitat de Barcelona Activa.',
      es: 'Elaboración del modelo de desarrollo económico de proximidad de Barcelona Activa.',
      en: "Drawing up Barcelona Activa's model of local economic development.",
    },
    '1.1.B': {
      ca: "Impuls d'accions regulars de Barcelona Activa als Districtes.",
      es: 'Impulso de acciones regulares de Barcelona Activa en los distritos.',
      en: 'Regular Barcelona Activa actions in the districts.',
    },
    '1.1.C': {
      ca: "Impuls d'accions socioeconòmiques a mida a districtes.",
      es: 'Impulso de acciones socioeconómicas a medida en los distritos.',
      en: 'Tailored socio-economic actions in the districts.',
    },
    '1.1.D': {
      ca: "Creació i dinamització d'espais de governança de desenvolupament econòmic al territori.",
      es: 'Creación y dinamización de espacios de gobernanza del desarrollo económico en el territorio.',
      en: 'Creating and running local governance forums for economic development.',
    },
    '1.1.E': {
      ca: 'Actualització del catàleg de serveis, programes i accions als diferents districtes de la ciutat, en el marc del mecanisme de millora de la coordinació entre BASA i districtes.',
      es: 'Actualización del catálogo de servicios, programas y acciones en los distintos distritos de la ciudad, en el marco del mecanismo de mejora de la coordinación entre BASA y los distritos.',
      en: 'Updating the catalogue of services, programmes and actions in each district of the city, as part of the mechanism to improve coordination between BASA and the districts.',
    },
    '1.2.A': {
      ca: "Finalització de la fase d'elaboració dels PDEs i desplegament dels PDEs elaborats.",
      es: 'Finalización de la fase de elaboración de los PDE y despliegue de los PDE elaborados.',
      en: 'Completing the drafting of the PDEs and rolling out those already drawn up.',
    },
    '1.2.B': {
      ca: 'Llançament de tres nous serveis vinculats a PDEs.',
      es: 'Lanzamiento de tres nuevos servicios vinculados a los PDE.',
      en: 'Launching three new services linked to the PDEs.',
    },
    '1.2.C': {
      ca: "Impuls d'accions socioeconòmiques a mida a districtes.",
      es: 'Impulso de acciones socioeconómicas a medida en los distritos.',
      en: 'Tailored socio-economic actions in the districts.',
    },
    '1.2.D': {
      ca: 'Governança, accions de rendició de comptes i comunicació dels PDE.',
      es: 'Gobernanza, acciones de rendición de cuentas y comunicación de los PDE.',
      en: 'Governance, accountability and communication of the PDEs.',
    },
    '1.3.A': {
      ca: "Impulsar la 2a edició de la convocatòria de subvencions d'impuls econòmic del territori i fer seguiment dels projectes de la 1a edició.",
      es: 'Impulsar la 2.ª edición de la convocatoria de subvenciones de impulso económico del territorio y hacer el seguimiento de los proyectos de la 1.ª edición.',
      en: 'Launching the 2nd call for grants for local economic development and following up the projects of the 1st call.',
    },
    '1.3.B': {
      ca: "Llançament de les rondes de finançament del projecte Matchfunding, que finançarà 24 projectes d'emprenedoria social de proximitat i d'economies col·laboratives procomú.",
      es: 'Lanzamiento de las rondas de financiación del proyecto Matchfunding, que financiará 24 proyectos de emprendimiento social de proximidad y de economías colaborativas procomún.',
      en: 'Launching the funding rounds of the Matchfunding project, which will fund 24 local social enterprise and commons-based collaborative economy projects.',
    },
    '1.4.A': {
      ca: 'Treball als Barris.',
      es: 'Trabajo en los Barrios.',
      en: 'Work in the Neighbourhoods (Treball als Barris).',
    },
    '1.4.B': { ca: 'Pla de Barris.', es: 'Plan de Barrios.', en: 'Neighbourhood Plan (Pla de Barris).' },
    '1.4.C': {
      ca: 'Pilot de sistema públic de polítiques comunitàries (desplegament al barri de la Verneda).',
      es: 'Piloto de sistema público de políticas comunitarias (despliegue en el barrio de La Verneda).',
      en: 'Pilot of a public system of community policies (rolled out in La Verneda).',
    },
    '2.1.A': {
      ca: "Elaboració d'un mapa de l'ecosistema de l'Economia Social i Solidària a Barcelona.",
      es: 'Elaboración de un mapa del ecosistema de la Economía Social y Solidaria en Barcelona.',
      en: 'Mapping the Social and Solidarity Economy ecosystem in Barcelona.',
    },
    '2.1.B': {
      ca: "Elaborar indicadors de l'economia social a la ciutat i comparar-los amb els d'altres ciutats.",
      es: 'Elaborar indicadores de la economía social en la ciudad y compararlos con los de otras ciudades.',
      en: "Developing indicators of the social economy in the city and comparing them with other cities'.",
    },
    '2.1.C': {
      ca: 'Acordar amb els actors implicats objectius de creixement a la ciutat.',
      es: 'Acordar con los actores implicados objetivos de crecimiento en la ciudad.',
      en: 'Agreeing growth targets for the city with the stakeholders involved.',
    },
    '2.2.A': {
      ca: 'Impulsar i assessorar iniciatives i empreses que volen desenvolupar la seva activitat econòmica en el marc de la innovació socioeconòmica. Especial èmfasi en la perspectiva de gènere.',
      es: 'Impulsar y asesorar iniciativas y empresas que quieren desarrollar su actividad económica en el marco de la innovación socioeconómica. Especial énfasis en la perspectiva de género.',
      en: 'Supporting and advising initiatives and companies that want to run their economic activity within socio-economic innovation, with special emphasis on the gender perspective.',
    },
    '2.2.B': {
      ca: 'Enfortir iniciatives socioeconòmiques constituïdes per a la seva consolidació, reconversió reinveniçió.',
      es: 'Fortalecer iniciativas socioeconómicas constituidas para su consolidación, reconversión o reinvención.',
      en: 'Strengthening established socio-economic initiatives so that they consolidate, convert or reinvent themselves.',
    },
    '2.2.C': {
      ca: 'Promoure espais de capacitació per a la sostenibilitat econòmica, el màrqueting social i el finançament, en el marc de la innovació socioeconòmica.',
      es: 'Promover espacios de capacitación para la sostenibilidad económica, el marketing social y la financiación, en el marco de la innovación socioeconómica.',
      en: 'Promoting training on economic sustainability, social marketing and funding, within socio-economic innovation.',
    },
    '2.2.D': {
      ca: "Generar i acompanyar iniciatives econòmiques de l'ESS en l'àmbit de l'alimentació sostenible.",
      es: 'Generar y acompañar iniciativas económicas de la ESS en el ámbito de la alimentación sostenible.',
      en: 'Creating and supporting SSE economic initiatives in sustainable food.',
    },
    '2.2.E': {
      ca: "Formació i capacitació a personal tècnic, de BASA, municipal i d'entitats professionalitzades i professionals de territori, per tal de facilitar la incorporació de la innovació socioeconòmica.",
      es: 'Formación y capacitación de personal técnico de BASA, municipal y de entidades profesionalizadas y profesionales del territorio, para facilitar la incorporación de la innovación socioeconómica.',
      en: 'Training for technical staff of BASA, the City Council and professional organisations, and for local professionals, to help them take up socio-economic innovation.',
    },
    '2.2.F': {
      ca: "Incorporar la innovació socioeconòmica en entorns d'educació formal.",
      es: 'Incorporar la innovación socioeconómica en entornos de educación formal.',
      en: 'Bringing socio-economic innovation into formal education.',
    },
    '2.2.G': {
      ca: "Generar espais de reflexió i avaluació amb els agents de l'àmbit de l'ESS.",
      es: 'Generar espacios de reflexión y evaluación con los agentes del ámbito de la ESS.',
      en: 'Creating forums for reflection and evaluation with SSE stakeholders.',
    },
    '2.3.A': {
      ca: 'Establir vincles amb entitats i iniciatives del territori per a la detecció contínua de necessitats per barris i districtes.',
      es: 'Establecer vínculos con entidades e iniciativas del territorio para la detección continua de necesidades por barrios y distritos.',
      en: 'Building links with local organisations and initiatives to keep identifying the needs of each neighbourhood and district.',
    },
    '2.3.B': {
      ca: "Acompanyar i enfortir iniciatives econòmiques, per a la satisfacció de necessitats bàsiques individuals, des d'una perspectiva col·lectiva, en el marc de la innovació socioeconòmica. Especial èmfasi en la perspectiva de gènere.",
      es: 'Acompañar y fortalecer iniciativas económicas para la satisfacción de necesidades básicas individuales, desde una perspectiva colectiva, en el marco de la innovación socioeconómica. Especial énfasis en la perspectiva de género.',
      en: 'Supporting and strengthening economic initiatives that meet basic individual needs from a collective perspective, within socio-economic innovation, with special emphasis on the gender perspective.',
    },
    '2.3.C': {
      ca: "Articular l'ESS de cada districte.",
      es: 'Articular la ESS de cada distrito.',
      en: 'Connecting the SSE of each district.',
    },
    '2.3.D': {
      ca: "Generar vincle entre districtes per a l'impuls i enfortiment de l'ESS a la ciutat.",
      es: 'Generar vínculos entre distritos para el impulso y el fortalecimiento de la ESS en la ciudad.',
      en: 'Building links between districts to boost and strengthen the SSE in the city.',
    },
    '2.4.A': {
      ca: 'Generar un espai de coproducció innovadora per a col·lectius en situació de vulnerabilitat.',
      es: 'Generar un espacio de coproducción innovadora para colectivos en situación de vulnerabilidad.',
      en: 'Creating a space of innovative co-production for vulnerable groups.',
    },
    '2.4.B': {
      ca: "Consolidar el Model d'intervenció integral cooperatiu i per a col·lectius en situació de vulnerabilitat com a proposta de política pública.",
      es: 'Consolidar el Modelo de intervención integral cooperativo y para colectivos en situación de vulnerabilidad como propuesta de política pública.',
      en: 'Consolidating the comprehensive cooperative intervention model for vulnerable groups as a public policy proposal.',
    },
    '2.4.C': {
      ca: 'Acompanyar els projectes pilot per enfortir o crear cooperatives amb col·lectius vulnerables (Alencop i Diomcoop, BMINCOME).',
      es: 'Acompañar los proyectos piloto para fortalecer o crear cooperativas con colectivos vulnerables (Alencop y Diomcoop, BMINCOME).',
      en: 'Supporting the pilot projects that strengthen or create cooperatives with vulnerable groups (Alencop and Diomcoop, BMINCOME).',
    },
    '2.4.D': {
      ca: "Posar en marxa un espai a l'aire lliure de suport a l'emprenedoria per donar visibilitat als nous projectes econòmics i socials de la gent que comença, al districte de Sant Martí: La Pionera.",
      es: 'Poner en marcha un espacio al aire libre de apoyo al emprendimiento para dar visibilidad a los nuevos proyectos económicos y sociales de la gente que empieza, en el distrito de Sant Martí: La Pionera.',
      en: 'Opening an outdoor space supporting entrepreneurship, to give visibility to the new economic and social projects of people starting out, in the Sant Martí district: La Pionera.',
    },
    '2.5.A': {
      ca: "Creació d'una comunitat d'incubació per a iniciatives d'innovació socioeconòmica.",
      es: 'Creación de una comunidad de incubación para iniciativas de innovación socioeconómica.',
      en: 'Creating an incubation community for socio-economic innovation initiatives.',
    },
    '2.5.B': {
      ca: "Posada en marxa del Punt d'Acollida i Orientació en Economia Social i Solidària",
      es: 'Puesta en marcha del Punto de Acogida y Orientación en Economía Social y Solidaria',
      en: 'Opening the Social and Solidarity Economy Welcome and Guidance Point',
    },
    '2.5.C': {
      ca: "Generar una agenda d'activitats coproduïda amb l'àmbit de l'Economia Social i Solidària.",
      es: 'Generar una agenda de actividades coproducida con el ámbito de la Economía Social y Solidaria.',
      en: 'Drawing up a programme of activities co-produced with the Social and Solidarity Economy.',
    },
    '2.5.D': {
      ca: "Iniciar una línia de recerca i acció per a la sistematització de noves pràctiques d'innovació socioeconòmica.",
      es: 'Iniciar una línea de investigación y acción para la sistematización de nuevas prácticas de innovación socioeconómica.',
      en: 'Starting a line of action research to systematise new practices of socio-economic innovation.',
    },
    '2.5.E': {
      ca: "Crear un espai de recerca i benchmarking a nivell internacional en l'àmbit de la innovació socioeconòmica.",
      es: 'Crear un espacio de investigación y benchmarking a nivel internacional en el ámbito de la innovación socioeconómica.',
      en: 'Creating an international research and benchmarking space for socio-economic innovation.',
    },
    '2.6.A': {
      ca: "Elaboració d'un espai web i un directori online d'empreses d'economia social de la ciutat com a instrument de coneixement i difusió en el marc de la contractació pública responsable.",
      es: 'Elaboración de un espacio web y un directorio en línea de empresas de economía social de la ciudad como instrumento de conocimiento y difusión en el marco de la contratación pública responsable.',
      en: "Building a website and an online directory of the city's social economy companies, to make them known and promote them in responsible public procurement.",
    },
    '2.6.B': {
      ca: "Fomentar la contractació pública d'empreses d'ESS a través de:",
      es: 'Fomentar la contratación pública de empresas de la ESS a través de:',
      en: 'Encouraging public procurement from SSE companies through:',
    },
    '2.6.C': {
      ca: "Participar en espais municipals transversals per al foment de la contractació pública responsable, especialment en l'Àmbit Participat de l'ESS de la ciutat.",
      es: 'Participar en espacios municipales transversales para el fomento de la contratación pública responsable, especialmente en el Ámbito Participado de la ESS de la ciudad.',
      en: "Taking part in cross-cutting municipal forums promoting responsible public procurement, especially the city's participatory SSE forum.",
    },
    '2.6.D': {
      ca: "Incorporar el model de l'ESS en el desplegament de les guies de responsabilitat social per a les empreses.",
      es: 'Incorporar el modelo de la ESS en el despliegue de las guías de responsabilidad social para las empresas.',
      en: 'Bringing the SSE model into the roll-out of the corporate social responsibility guides.',
    },
    '3.1.A': {
      ca: 'Presentar el nou Pacte del Temps de Barcelona i els compromisos pel 2018, promovent les accions necessàries a nivell municipal i gestionant les accions promogudes per Barcelona Activa.',
      es: 'Presentar el nuevo Pacto del Tiempo de Barcelona y los compromisos para 2018, promoviendo las acciones necesarias a nivel municipal y gestionando las acciones promovidas por Barcelona Activa.',
      en: "Presenting Barcelona's new Time Agreement and the commitments for 2018, promoting the actions needed in the City Council and managing those promoted by Barcelona Activa.",
    },
    '3.1.B': {
      ca: 'Impulsar la Xarxa Nust-Nous Usos Socials del Temps.',
      es: 'Impulsar la Red NUST - Nuevos Usos Sociales del Tiempo.',
      en: 'Promoting the NUST network (New Social Uses of Time).',
    },
    '3.1.C': {
      ca: 'Donar major projecció al Premi “Barcelona a l’empresa innovadora en mesures de conciliació del temps”.',
      es: 'Dar mayor proyección al Premio «Barcelona a la empresa innovadora en medidas de conciliación del tiempo».',
      en: 'Raising the profile of the “Barcelona award for the innovative company in work–life balance measures”.',
    },
    '3.1.D': {
      ca: 'Gestionar la convocatòria 2018 de subvencions a iniciatives sobre el factor temps com a eix vertebrador, dins la convocatòria general de ciutat.',
      es: 'Gestionar la convocatoria 2018 de subvenciones a iniciativas sobre el factor tiempo como eje vertebrador, dentro de la convocatoria general de la ciudad.',
      en: "Managing the 2018 call for grants to initiatives built around time, within the city's general call.",
    },
    '3.1.E': {
      ca: 'Impulsar a la Xarxa de ciutats europees en Usos del Temps.',
      es: 'Impulsar la Red de ciudades europeas en Usos del Tiempo.',
      en: 'Promoting the European network of cities on the uses of time.',
    },
    '4.1.A': {
      ca: 'Anàlisi de les necessitats de millora dels espais de treball territorials i implementar les mesures que es considerin convenientes.',
      es: 'Análisis de las necesidades de mejora de los espacios de trabajo territoriales e implantación de las medidas que se consideren convenientes.',
      en: 'Analysing what the local workplaces need to improve and putting in place the measures found suitable.',
    },
    '4.1.B': {
      ca: "Establiment d'un espai DEX amb tot l'equip de la Direcció, com a mínim dos cops a l'any, per tal de compartir tant la planificació anual com el balanç de l'acció realitzada.",
      es: 'Establecimiento de un espacio DEX con todo el equipo de la Dirección, como mínimo dos veces al año, para compartir tanto la planificación anual como el balance de la acción realizada.',
      en: 'Holding a DEX meeting with the whole team of the Directorate at least twice a year, to share both the annual planning and the review of the work done.',
    },
    '4.1.C': {
      ca: "Assegurar a cada direcció operativa els espais i mecanismes necessaris per promoure i compartir tota aquella informació relacionada amb l'organització i l'activitat tant interna com d'altres direccions per tal de potenciar el coneixement de les activitats que es desenvolupen.",
      es: 'Asegurar en cada dirección operativa los espacios y mecanismos necesarios para promover y compartir toda la información relacionada con la organización y la actividad, tanto interna como de otras direcciones, para potenciar el conocimiento de las actividades que se desarrollan.',
      en: "Making sure each operational directorate has the forums and means to share all information about the organisation and its activity, its own and other directorates', so that everyone knows the work being done.",
    },
    '4.1.D': {
      ca: "Assegurar espais i estratègies adreçades a vetllar per la cohesió de l'equip i el bon clima laboral (acollida de noves persones, la cura de necessitats de l'equip, etc.).",
      es: 'Asegurar espacios y estrategias dirigidos a velar por la cohesión del equipo y el buen clima laboral (acogida de nuevas personas, cuidado de las necesidades del equipo, etc.).',
      en: "Making sure there are forums and strategies for team cohesion and a good working climate (welcoming new people, looking after the team's needs, etc.).",
    },
    '4.1.E': {
      ca: "Establiment d'espais periòdics de reunió o trobada amb tot l'equip de cada direcció operativa, per tal de compartir valors i principis, idees i opinions, que permetin innovar o millorar dinàmiques de treball.",
      es: 'Establecimiento de espacios periódicos de reunión o encuentro con todo el equipo de cada dirección operativa, para compartir valores y principios, ideas y opiniones, que permitan innovar o mejorar dinámicas de trabajo.',
      en: 'Holding regular meetings with the whole team of each operational directorate to share values and principles, ideas and opinions, so as to innovate or improve ways of working.',
    },
    '4.1.F': {
      ca: 'Realització del programa de formació en col·laboració amb The Governance Lab, de New York, sobre "Innovacions en la resolució de problemes públics".',
      es: 'Realización del programa de formación en colaboración con The Governance Lab, de Nueva York, sobre «Innovaciones en la resolución de problemas públicos».',
      en: 'Running the training programme with The Governance Lab, New York, on “Innovations in solving public problems”.',
    },
    '4.1.G': {
      ca: 'Realització de la formació "Espai Intercanvi en Economia Social i Solidària i Acció Comunitària".',
      es: 'Realización de la formación «Espacio de Intercambio en Economía Social y Solidaria y Acción Comunitaria».',
      en: 'Running the course “Exchange Space on the Social and Solidarity Economy and Community Action”.',
    },
  },
};

/** The translations of each plan, by its year. */
export const PLAN_TRANSLATIONS: Readonly<Record<number, PlanTranslations>> = { 2018: plan2018 };
