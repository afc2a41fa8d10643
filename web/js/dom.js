// A tiny element builder: no innerHTML anywhere, so rule texts can never inject markup.

/**
 * Builds an element.
 * @param {string} tag
 * @param {Object<string, *>} [props]  `class`, `on<Event>` handlers, `hidden`, `for`, `aria-*`,
 *   `data-*`; other keys become attributes (false/null/undefined are left out)
 * @param {...(Node|string|number|null|undefined|false|Array)} children
 * @returns {HTMLElement}
 * @example h('button', {type: 'button', onClick: go}, '下一步')
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === false || value == null) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      element.className = value;
    } else if (key === 'value') {
      element.value = value;
    } else if (key === 'checked') {
      element.checked = Boolean(value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child == null || child === false || child === '') continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/**
 * Replaces everything inside `container` and moves focus to `focusTarget` (for screen
 * readers and keyboards: the new step is announced where the user is).
 * @param {HTMLElement} container
 * @param {Node[]} nodes
 * @param {HTMLElement|null} [focusTarget]
 */
export function show(container, nodes, focusTarget = null) {
  container.replaceChildren(...nodes);
  // Inside a portal's page (a shadow root) the calculator takes focus only once the family has
  // started using it (the widget then marks itself data-engaged), never while the portal loads.
  const inPortal = container.getRootNode() instanceof ShadowRoot;
  if (focusTarget && (!inPortal || container.closest('[data-engaged]'))) {
    if (!focusTarget.hasAttribute('tabindex')) focusTarget.setAttribute('tabindex', '-1');
    if (/^H\d$/.test(focusTarget.tagName)) {
      // A new step starts at the top of the page, header and progress in view; inside a
      // portal's page (a shadow root) only the calculator scrolls into view, not the portal.
      focusTarget.focus({ preventScroll: true });
      if (inPortal && container.getBoundingClientRect().top < 0) container.scrollIntoView({ block: 'start' });
      else window.scrollTo(0, 0);
    } else {
      focusTarget.focus(); // the same step redrawn: stay where the user was working
    }
  }
}

let idCounter = 0;
/** @param {string} prefix @returns {string} an id unique on this page */
export function uniqueId(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * A hidden alert line under a control; set(text) shows it and screen readers read it at once.
 * @returns {{element: HTMLElement, set: (text: string) => void}}
 */
export function errorLine() {
  const element = h('p', { class: 'error', id: uniqueId('error'), role: 'alert', hidden: true });
  return {
    element,
    set(text) { element.textContent = text; element.hidden = false; },
  };
}
