// Pages shown to a signed-in user are never to be shown again from the browser's back/forward cache (after
// signing out, Back would bring the last one back): leaving such a page hides it, and coming back to a kept
// copy asks the portal for the page again, which sends a signed-out reader to the sign-in page.
// Sign-out's Clear-Site-Data header usually empties that cache already; this covers the rest.
window.addEventListener('pagehide', function (event) {
  if (event.persisted) {
    document.documentElement.hidden = true;
  }
});
window.addEventListener('pageshow', function (event) {
  if (event.persisted) {
    window.location.reload();
  }
});
