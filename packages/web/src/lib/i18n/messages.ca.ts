/** Catalan: the default language, and the source of every message key. */
export const ca = {
  'app.name': 'Proximitat',
  'app.tagline': 'Economia social i solidària i desenvolupament econòmic de proximitat a Barcelona',
  'nav.label': 'Navegació principal',
  'nav.home': 'Inici',
  'nav.districts': 'Districtes',
  'skip.toContent': 'Salta al contingut principal',
  'language.label': 'Idioma',
  'footer.data': 'Dades: Ajuntament de Barcelona (Open Data BCN, CartoBCN), CC BY 4.0.',
  'home.title': 'Proximitat',
  'home.intro':
    "La plataforma per trobar i donar suport a les empreses de l'economia social i solidària de Barcelona, i per seguir el pla de desenvolupament econòmic de proximitat.",
  'home.districtsLink': 'Consulta els districtes de la ciutat',
  'districts.title': 'Districtes de Barcelona',
  'districts.code': 'Codi',
  'districts.name': 'Districte',
  'districts.population': 'Població (2019)',
  'districts.neighbourhoods': 'Barris',
  'districts.caption': 'Els deu districtes amb el seu codi oficial, la població i el nombre de barris.',
  'status.loading': 'Carregant…',
  'status.error': "No s'han pogut carregar les dades. Torna-ho a provar d'aquí a una estona.",
  'notFound.title': 'Pàgina no trobada',
  'notFound.body': "L'adreça no correspon a cap pàgina.",
  'notFound.home': "Torna a l'inici",
} as const;

export type MessageKey = keyof typeof ca;
