// SafeChat's page around the official Web Chat. No cookies, no storage, no requests to other sites.
// Every word on it comes from the language modules (the host puts them in data-languages); the page follows the
// conversation's language: when the bot answers in another one, lang, dir (Arabic is right-to-left) and Web Chat follow.
(function () {
  'use strict';

  var body = document.body;
  var nonce = body.getAttribute('data-nonce');
  var quickExitUrl = body.getAttribute('data-quick-exit-url');
  var languages = JSON.parse(body.getAttribute('data-languages'));
  var byCode = Object.create(null); // no prototype: ?lang=constructor is no language
  languages.forEach(function (l) { byCode[l.code] = l; });
  var language = firstLanguage();
  var store, directLine;

  // ?lang=xx, else the browser's first language SafeChat speaks, else the default (the first in the list).
  function firstLanguage() {
    var asked = new URLSearchParams(location.search).get('lang');
    if (asked && byCode[asked]) return asked;
    var browser = (navigator.languages || [navigator.language || '']).map(function (l) { return String(l).split('-')[0].toLowerCase(); });
    for (var i = 0; i < browser.length; i++) if (byCode[browser[i]]) return browser[i];
    return languages[0].code;
  }

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

  var switcher = document.getElementById('language');
  languages.forEach(function (l) {
    var option = document.createElement('option');
    option.value = l.code;
    option.textContent = l.name;
    option.lang = l.code;
    option.dir = l.dir;
    switcher.appendChild(option);
  });

  function applyPageLanguage() {
    var t = byCode[language];
    document.documentElement.lang = t.code;
    document.documentElement.dir = t.dir;
    document.getElementById('quick-exit').textContent = t.exit;
    document.getElementById('quick-exit-hint').textContent = t.hint;
    document.getElementById('language-label').textContent = t.label;
    switcher.value = t.code;
  }

  function render() {
    var t = byCode[language];
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      locale: t.culture,
      dir: t.dir,
      // SafeChat says "je", not the formal "u" of Web Chat's built-in Dutch; and every language has its own words.
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t.placeholder },
      nonce: nonce,
      // Only a team member in a live chat sees it; SafeChat drops it otherwise.
      sendTypingIndicator: true,
      styleOptions: { hideUploadButton: true, suggestedActionLayout: 'flow', botAvatarInitials: 'SC', userAvatarInitials: '' }
    }, document.getElementById('webchat'));
  }

  function show(code) {
    if (!byCode[code] || code === language) return;
    language = code;
    applyPageLanguage();
    if (store) render();
  }

  switcher.addEventListener('change', function () {
    show(switcher.value);
    if (store) store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'safechat/language', value: language } });
  });

  // The bot's replies carry the conversation's language: a person who writes in Arabic gets an Arabic, right-to-left page.
  function followBot() {
    return function (next) {
      return function (action) {
        var activity = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity;
        if (activity && activity.from && activity.from.role === 'bot' && activity.type === 'message' && activity.locale) {
          var code = String(activity.locale).split('-')[0].toLowerCase();
          if (code !== language && byCode[code]) setTimeout(function () { show(code); }, 0);
        }
        return next(action);
      };
    };
  }

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
        conversationStartProperties: { locale: byCode[language].culture }
      });
      store = window.WebChat.createStore({}, function () { return followBot(); });
      render();
    })
    .catch(function () {
      document.getElementById('webchat').textContent = byCode[language].unavailable;
    });
}());
