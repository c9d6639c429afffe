// The live chat page without reloading: new messages and status changes arrive through the server's push stream
// (Server-Sent Events, /staff/api/live/{id}/events), the text box sends through the JSON API with the CSRF header,
// and the quick answers fill the text box. Without this script the page still reads and acts through its forms.
'use strict';

(() => {
  const root = document.getElementById('live');
  if (!root) return;
  const id = root.dataset.id;
  const transcript = document.getElementById('transcript');
  const senders = { person: 'Persoon', staff: 'Medewerker', bot: 'Bot' };
  const clock = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
  let last = Number(root.dataset.after) || 0;

  // Text only (textContent): what a person writes is never read as markup.
  const add = (message) => {
    if (message.seq <= last) return; // a reconnecting stream may repeat what the page already shows
    last = message.seq;
    const item = document.createElement('li');
    item.className = 'from-' + message.from;
    item.dataset.seq = message.seq;
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = senders[message.from] || 'Bot';
    const time = document.createElement('time');
    time.dateTime = message.at;
    time.textContent = clock.format(new Date(message.at));
    const text = document.createElement('p');
    text.textContent = message.text || '';
    text.dir = 'auto'; // Arabic reads right to left, Dutch left to right, in the same chat
    item.append(who, ' ', time, text);
    transcript.append(item);
    document.getElementById('transcript-empty')?.remove();
    item.scrollIntoView({ block: 'nearest' });
  };

  const describe = (status) => status.status === 'waiting' ? 'Wacht op iemand van het team.'
    : status.status === 'active' ? (root.dataset.me === 'holder' && status.heldByName === root.dataset.holder
      ? 'Jij voert dit gesprek.' : status.heldByName + ' voert dit gesprek.')
    : 'Afgesloten.';

  const show = (status) => {
    if (status.danger) document.getElementById('danger').hidden = false;
    const changed = status.status !== root.dataset.status || (status.heldByName || '') !== (root.dataset.holder || '');
    if (!changed) return;
    document.getElementById('live-status').textContent = describe(status);
    document.getElementById('live-changed').hidden = false;
    // Closed, or taken over: this page may no longer send (the server refuses it anyway).
    if (status.status === 'closed' || root.dataset.me === 'holder') {
      document.querySelectorAll('#send textarea, #send button').forEach((control) => { control.disabled = true; });
    }
  };

  // "De persoon typt…" for a few seconds after each typing signal (Web Chat repeats it while they type).
  let typingTimer = null;
  const typing = (on) => {
    const note = document.getElementById('typing');
    if (!note) return;
    note.hidden = !on;
    clearTimeout(typingTimer);
    if (on) typingTimer = setTimeout(() => { note.hidden = true; }, 4000);
  };

  // EventSource reconnects by itself; when it gives up, open a new one from the last message seen.
  const listen = () => {
    const events = new EventSource(`/staff/api/live/${id}/events?after=${last}`);
    events.addEventListener('message', (e) => { typing(false); add(JSON.parse(e.data)); });
    events.addEventListener('typing', () => typing(true));
    events.addEventListener('status', (e) => show(JSON.parse(e.data)));
    events.addEventListener('error', () => {
      if (events.readyState === EventSource.CLOSED) setTimeout(listen, 3000);
    });
  };
  listen();

  const form = document.getElementById('send');
  if (!form) return;
  const box = document.getElementById('text');
  const error = document.getElementById('send-error');
  const quick = document.getElementById('quick');
  quick.hidden = false;
  quick.addEventListener('click', (e) => {
    const answer = e.target.closest('button[data-text]');
    if (!answer) return;
    box.value = answer.dataset.text;
    box.focus();
  });

  let csrf = null;
  const token = async () => {
    if (!csrf) csrf = await (await fetch('/staff/api/antiforgery', { credentials: 'same-origin' })).json();
    return csrf;
  };

  // While the team member types, the person's Web Chat shows "typing" (at most every 3 seconds, as Web Chat does).
  let typedAt = 0;
  box.addEventListener('input', async () => {
    if (Date.now() - typedAt < 3000 || !box.value.trim()) return;
    typedAt = Date.now();
    try {
      const { header, token: value } = await token();
      await fetch(`/staff/api/live/${id}/typing`, { method: 'POST', credentials: 'same-origin', headers: { [header]: value } });
    } catch { /* a lost typing signal is harmless */ }
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = box.value.trim();
    if (!text) return;
    error.textContent = '';
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const { header, token: value } = await token();
      const response = await fetch(`/staff/api/live/${id}/messages`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', [header]: value },
        body: JSON.stringify({ text }),
      });
      if (response.ok) {
        box.value = ''; // the message itself comes back through the stream, as the person sees it
      } else {
        if (response.status === 400) csrf = null;
        const problem = await response.json().catch(() => null);
        error.textContent = (problem && problem.error) || 'Het bericht is niet verstuurd. Probeer het opnieuw.';
      }
    } catch {
      error.textContent = 'Geen verbinding. Het bericht is niet verstuurd.';
    } finally {
      button.disabled = false;
      box.focus();
    }
  });
})();
