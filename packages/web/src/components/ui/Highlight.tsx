const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * Renders a search highlight: escaped text in which the only markup is <mark>. It is turned into
 * React elements (text and <mark>), never injected as HTML.
 */
export function Highlight({ html }: { html: string }) {
  const parts = html.split(/(<mark>[\s\S]*?<\/mark>)/);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith('<mark>') ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never move
          <mark key={index}>{decode(part.slice(6, -7))}</mark>
        ) : (
          decode(part)
        ),
      )}
    </>
  );
}
