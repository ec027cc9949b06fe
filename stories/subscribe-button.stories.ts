import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { GzSubscribeButton } from '../src/components/subscribe-button/subscribe-button.component.js';
import { button, STATES, type SubscribeArgs } from './subscribe-button.states.js';

async function element(canvasElement: HTMLElement): Promise<GzSubscribeButton> {
  const el = canvasElement.querySelector('gz-subscribe-button')!;
  await el.updateComplete;
  return el;
}

const part = (el: GzSubscribeButton, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

/** Waits until the story's element shows `status` (the story drives it there as it renders). */
async function reached(canvasElement: HTMLElement, status: GzSubscribeButton['status']) {
  const el = await element(canvasElement);
  await waitFor(() => expect(el.status).toBe(status), { timeout: 3000 });
  await el.updateComplete;
  return el;
}

const meta = {
  title: 'Elements/Subscribe button',
  component: 'gz-subscribe-button',
  tags: ['autodocs'],
  args: { topic: 'energiewende', 'topic-label': 'Energiewende', email: 'leser@example.de', state: 'idle' },
  argTypes: {
    topic: { control: 'text' },
    'topic-label': { control: 'text' },
    email: { control: 'text' },
    compact: { control: 'boolean' },
    subscribed: { control: 'boolean' },
    state: {
      control: 'select',
      options: STATES,
      description: 'The state the story shows (it clicks once as it renders; the host answers at once).',
    },
  },
  render: (args) => button(args),
} satisfies Meta<SubscribeArgs>;

export default meta;
type Story = StoryObj<SubscribeArgs>;

/**
 * The reference page's region 3: "Mehr zum Thema", the call to click `[+]`, one compact button
 * per topic of the article.
 */
export const Reference: Story = {
  name: 'Reference [+]',
  args: { compact: true, email: '' },
  render: (args) =>
    html`<section style="max-inline-size: 42rem">
      <h2>Mehr zum Thema</h2>
      <p>
        Bleiben Sie beim Thema dieses Artikels auf dem Laufenden: Klicken Sie auf [+], um eine E-Mail zu erhalten,
        sobald wir einen neuen Artikel mit diesem Schlagwort veröffentlichen.
      </p>
      <p>${button(args)}</p>
      <p>${button({ ...args, topic: 'schleswig-holstein', 'topic-label': 'Schleswig-Holstein' })}</p>
    </section>`,
};

/** A logged-in reader: the publisher knows the address, so a click follows at once (and again unfollows). */
export const LoggedIn: Story = {
  name: 'Logged-in reader',
  args: { topic: 'energiewende-loggedin' },
};

/** An anonymous reader: the click opens the inline form with its label, consent text and submit. */
export const Anonymous: Story = {
  name: 'Anonymous reader with form',
  args: { topic: 'energiewende-anonymous', email: '', state: 'open' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitFor(() => expect(el.matches(':state(open)')).toBe(true), { timeout: 3000 });
    await el.updateComplete;
    await expect(part(el, 'email')).toBeTruthy();
  },
};

/** The request is on its way: the toggle is busy and the live region says so. */
export const Pending: Story = {
  args: { topic: 'energiewende-pending', state: 'pending' },
  play: async ({ canvasElement }) => {
    await reached(canvasElement, 'pending');
  },
};

/** Following: the toggle is pressed (✓) and the outcome announced. */
export const Subscribed: Story = {
  args: { topic: 'energiewende-subscribed', state: 'subscribed' },
  play: async ({ canvasElement }) => {
    const el = await reached(canvasElement, 'subscribed');
    await expect(part(el, 'button').getAttribute('aria-pressed')).toBe('true');
  },
};

/** Double opt-in: the endpoint answered `pending`; the reader has to confirm by e-mail. */
export const DoubleOptIn: Story = {
  name: 'Pending double opt-in',
  args: { topic: 'energiewende-doubleoptin', state: 'confirming' },
  play: async ({ canvasElement }) => {
    await reached(canvasElement, 'confirming');
  },
};

/** The request failed after its retries: the error and a retry button that resends the same intent. */
export const ErrorState: Story = {
  name: 'Error',
  args: { topic: 'energiewende-errorstate', state: 'error' },
  play: async ({ canvasElement }) => {
    const el = await reached(canvasElement, 'error');
    await expect(part(el, 'retry')).toBeTruthy();
  },
};

/** The endpoint refused the address: the form opens with it, a field error and focus on the field. */
export const InvalidEmail: Story = {
  name: 'Invalid e-mail',
  args: { topic: 'energiewende-invalidemail', email: 'leser@example', state: 'invalid-email' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitFor(() => expect(el.matches(':state(invalid)')).toBe(true), { timeout: 3000 });
  },
};

/** English, whatever the toolbar says: "Follow", "Email address", English messages. */
export const English: Story = {
  args: { topic: 'energiewende-english', 'topic-label': 'Energy transition', email: '' },
  render: (args) => html`<div lang="en">${button(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expect(part(el, 'label').textContent).toBe('Follow');
    part(el, 'button').click();
    await el.updateComplete;
  },
};

/** The dark theme on a region (`class="gz-theme-dark"`), followed and compact. */
export const Dark: Story = {
  args: { topic: 'energiewende-dark', subscribed: true },
  render: (args) =>
    html`<div
      class="gz-theme-dark"
      style="padding: var(--gz-space-l); background: var(--gz-color-background); color: var(--gz-color-text);"
    >
      <p>${button(args)}</p>
      <p>
        ${button({ ...args, compact: true, subscribed: false, topic: 'netzentgelte', 'topic-label': 'Netzentgelte' })}
      </p>
    </div>`,
};
