import type { MessageKey } from './messages.ca.ts';

export const es: Record<MessageKey, string> = {
  'app.name': 'Proximitat',
  'app.tagline': 'Economía social y solidaria y desarrollo económico de proximidad en Barcelona',
  'nav.label': 'Navegación principal',
  'nav.home': 'Inicio',
  'nav.districts': 'Distritos',
  'skip.toContent': 'Saltar al contenido principal',
  'language.label': 'Idioma',
  'footer.data': 'Datos: Ayuntamiento de Barcelona (Open Data BCN, CartoBCN), CC BY 4.0.',
  'home.title': 'Proximitat',
  'home.intro':
    'La plataforma para encontrar y apoyar a las empresas de la economía social y solidaria de Barcelona, y para seguir el plan de desarrollo económico de proximidad.',
  'home.districtsLink': 'Consulta los distritos de la ciudad',
  'districts.title': 'Distritos de Barcelona',
  'districts.code': 'Código',
  'districts.name': 'Distrito',
  'districts.population': 'Población (2019)',
  'districts.neighbourhoods': 'Barrios',
  'districts.caption': 'Los diez distritos con su código oficial, la población y el número de barrios.',
  'status.loading': 'Cargando…',
  'status.error': 'No se han podido cargar los datos. Vuelve a intentarlo dentro de un rato.',
  'notFound.title': 'Página no encontrada',
  'notFound.body': 'La dirección no corresponde a ninguna página.',
  'notFound.home': 'Volver al inicio',
};
