import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider, Lang, useI18n } from './i18n.tsx';

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
    function Probe() {
      const { t, formatCurrency, tag } = useI18n();
      return createElement(
        'p',
        null,
        `${tag} · ${t('count.companies', { count: 1 })} · ${formatCurrency(1234.5)}`,
      );
    }
    const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(Probe)));
    expect(html.replace(/\u00a0/g, ' ')).toBe('<p>ca · 1 empresa · 1.234,50 €</p>');
  });

  it('useI18n outside the provider is an error, not a silent default', () => {
    function Lost() {
      useI18n();
      return null;
    }
    expect(() => renderToStaticMarkup(createElement(Lost))).toThrow(/I18nProvider/);
  });
});
