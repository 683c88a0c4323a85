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
  measures: {},
};

/** The translations of each plan, by its year. */
export const PLAN_TRANSLATIONS: Readonly<Record<number, PlanTranslations>> = { 2018: plan2018 };
