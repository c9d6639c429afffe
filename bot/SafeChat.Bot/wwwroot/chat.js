// SafeChat's page around the official Web Chat. No cookies, no storage, no requests to other sites.
(function () {
  'use strict';

  var body = document.body;
  var nonce = body.getAttribute('data-nonce');
  var quickExitUrl = body.getAttribute('data-quick-exit-url');
  var emergencyPhone = body.getAttribute('data-emergency-phone');
  var page = {
    nl: { html: 'nl', locale: 'nl-NL', exit: 'Snel weg', other: 'English', otherLang: 'en', placeholder: 'Typ je bericht',
          hint: "Je praat met een automatische assistent. Druk op Esc of op 'Snel weg' om deze pagina direct te verlaten." },
    en: { html: 'en', locale: 'en-US', exit: 'Leave now', other: 'Nederlands', otherLang: 'nl', placeholder: 'Type your message',
          hint: "You are talking to an automated assistant. Press Esc or 'Leave now' to leave this page at once." }
  };
  var language = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'nl';
  var store, directLine;

  // Quick exit: replace this page (so Back does not return to it), after wiping what this tab holds.
  function leave() {
    try { if (directLine) directLine.end(); } catch (ignored) { /* leaving anyway */ }
    try { sessionStorage.clear(); localStorage.clear(); } catch (ignored) { /* storage may be blocked */ }
    document.title = ' ';
    body.innerHTML = '';
    location.replace(quickExitUrl);
  }
  document.getElementById('quick-exit').addEventListener('click', leave);
  // Capture phase: Web Chat handles Escape inside its send box itself, and the way out must always work.
  window.addEventListener('keydown', function (event) { if (event.key === 'Escape') leave(); }, true);

  function applyPageLanguage() {
    var t = page[language];
    document.documentElement.lang = t.html;
    document.getElementById('quick-exit').textContent = t.exit;
    document.getElementById('quick-exit-hint').textContent = t.hint;
    var switcher = document.getElementById('language');
    switcher.textContent = t.other;
    switcher.lang = t.otherLang;
  }

  function render() {
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      locale: page[language].locale,
      // SafeChat says "je", not the formal "u" of Web Chat's built-in Dutch.
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: page[language].placeholder },
      nonce: nonce,
      // Only a team member in a live chat sees it; SafeChat drops it otherwise.
      sendTypingIndicator: true,
      styleOptions: { hideUploadButton: true, suggestedActionLayout: 'flow', botAvatarInitials: 'SC', userAvatarInitials: '' }
    }, document.getElementById('webchat'));
  }

  document.getElementById('language').addEventListener('click', function () {
    language = page[language].otherLang;
    applyPageLanguage();
    render();
    store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'safechat/language', value: language } });
  });

  applyPageLanguage();
  fetch('/webchat/token', { method: 'POST', credentials: 'omit', cache: 'no-store' })
    .then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    })
    .then(function (conversation) {
      directLine = window.WebChat.createDirectLine({
        token: conversation.token,
        domain: location.origin + '/v3/directline',
        webSocket: true,
        conversationStartProperties: { locale: page[language].locale }
      });
      store = window.WebChat.createStore();
      render();
    })
    .catch(function () {
      var main = document.getElementById('webchat');
      main.textContent = language === 'en'
        ? 'The chat cannot start right now. In danger? Call ' + emergencyPhone + '.'
        : 'De chat kan nu niet starten. In gevaar? Bel ' + emergencyPhone + '.';
    });
}());
