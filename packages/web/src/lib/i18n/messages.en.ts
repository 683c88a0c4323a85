import type { MessageKey } from './messages.ca.ts';

export const en: Record<MessageKey, string> = {
  'app.name': 'Proximitat',
  'app.tagline': 'Social and solidarity economy and proximity economic development in Barcelona',
  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.districts': 'Districts',
  'skip.toContent': 'Skip to main content',
  'language.label': 'Language',
  'footer.data': 'Data: Barcelona City Council (Open Data BCN, CartoBCN), CC BY 4.0.',
  'home.title': 'Proximitat',
  'home.intro':
    "The platform to find and back Barcelona's social and solidarity economy companies, and to follow the proximity economic development plan.",
  'home.districtsLink': "See the city's districts",
  'districts.title': 'Districts of Barcelona',
  'districts.code': 'Code',
  'districts.name': 'District',
  'districts.population': 'Population (2019)',
  'districts.neighbourhoods': 'Neighbourhoods',
  'districts.caption': 'The ten districts with their official code, population and number of neighbourhoods.',
  'status.loading': 'Loading…',
  'status.error': 'The data could not be loaded. Please try again in a while.',
  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not match any page.',
  'notFound.home': 'Back to the home page',
};
