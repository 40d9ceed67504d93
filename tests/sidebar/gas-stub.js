/*
 * Stub of `google.script.run` for the sidebar tests, injected before the page's scripts
 * (page.addInitScript). Plain JS read as text: it must not go through the test transpiler.
 * Every call is recorded in `window.__calls`. Two modes:
 * - canned (default): `sidebarData()` answers the configured data (or fails with `failLoad`),
 *   `selectCell(onglet, a1)` answers a confirmation;
 * - server: each call goes to `window.__server(name, args)`, a function the test exposes that
 *   runs the real server function (src/gas/sidebar.ts) over the Apps Script fakes.
 */
(function (config) {
  window.__calls = [];
  function later(fn) { setTimeout(fn, 10); }
  function call(name, args, success, failure) {
    window.__calls.push([name].concat(args));
    if (config.server) {
      window.__server(name, args).then(function (r) {
        if (r.ok) { if (success) success(r.value); }
        else if (failure) failure(new Error(r.error));
      });
      return;
    }
    later(function () {
      if (name === 'sidebarData') {
        if (config.failLoad) { if (failure) failure(new Error(config.failLoad)); }
        else if (success) success(JSON.parse(JSON.stringify(config.data)));
      } else if (name === 'selectCell') {
        if (success) success((args[1] === null ? 'Onglet' : args[1]) + ' sélectionné dans « ' + args[0] + ' ».');
      } else if (failure) failure(new Error('Fonction inconnue : ' + name));
    });
  }
  function runner(success, failure) {
    return {
      withSuccessHandler: function (f) { return runner(f, failure); },
      withFailureHandler: function (f) { return runner(success, f); },
      sidebarData: function () { call('sidebarData', [], success, failure); },
      selectCell: function (onglet, a1) { call('selectCell', [onglet, a1], success, failure); },
    };
  }
  window.google = { script: { run: runner(null, null) } };
})(__STUB__);
