import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider, Lang, useI18n } from './i18n.tsx';

/** Shows what useI18n gives: the tag, a plural and an amount. */
function Probe() {
  const { t, formatCurrency, tag } = useI18n();
  return createElement(
    'p',
    null,
    `${tag} · ${t('count.companies', { count: 1 })} · ${formatCurrency(1234.5)}`,
  );
}

/** Uses the i18n outside its provider. */
function Lost() {
  useI18n();
  return null;
}

describe('Lang', () => {
  it('marks content with the language it is really in', () => {
    expect(renderToStaticMarkup(createElement(Lang, { locale: 'CA' }, "L'Engranatge"))).toBe(
      '<span lang="ca">L&#x27;Engranatge</span>',
    );
    expect(
      renderToStaticMarkup(createElement(Lang, { locale: 'ES', as: 'p', className: 'description' }, 'Texto')),
    ).toBe('<p class="description" lang="es">Texto</p>');
  });
});

describe('I18nProvider', () => {
  it('gives t and the formatters of the interface language (Catalan unless chosen)', () => {
    const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(Probe)));
    expect(html.replace(/\u00a0/g, ' ')).toBe('<p>ca · 1 empresa · 1.234,50 €</p>');
  });

  it('useI18n outside the provider is an error, not a silent default', () => {
    expect(() => renderToStaticMarkup(createElement(Lost))).toThrow(/I18nProvider/);
  });
});
