import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

// Model output is untrusted. markdown-it runs with raw HTML off; images are rendered as their alt text so
// an answer cannot make the webview fetch a remote URL (the CSP would block it too: defence in depth);
// DOMPurify then strips anything else that is not plain formatting.
const md = new MarkdownIt({ html: false, linkify: true, breaks: false });

md.renderer.rules['image'] = (tokens, idx) => {
  const token = tokens[idx];
  const alt = token ? token.content : '';
  return `<span class="image-removed" title="Images from answers are not loaded">[image: ${md.utils.escapeHtml(alt)}]</span>`;
};

// Links open only through the host, after a confirmation that shows the URL.
md.renderer.rules['link_open'] = (tokens, idx) => {
  const href = String(tokens[idx]?.attrGet('href') ?? '');
  return `<a href="#" data-href="${md.utils.escapeHtml(href)}" title="${md.utils.escapeHtml(href)}">`;
};

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'em',
  'strong',
  'del',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'span',
];

/** Renders untrusted markdown to sanitised HTML: no raw HTML, no images, links only via `data-href`. */
export function renderMarkdown(source: string): string {
  const html = md.render(source);
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['class', 'title', 'data-href', 'href', 'align'],
    ALLOWED_URI_REGEXP: /^#$/,
  });
}
