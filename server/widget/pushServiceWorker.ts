/**
 * The service worker behind the web widget's notifications, served at `/push-sw.js`. A worker
 * runs only on the origin of the page that registers it, so a site on another origin serves a
 * one-line worker of its own that imports this one (see the SDK README).
 *
 * It shows the push payload `{ title, body, conversationId, seq }`, one notification per
 * conversation, and a click brings back the page that subscribed (`?open=` on the worker's own
 * address) with the chat open.
 */
export const PUSH_SERVICE_WORKER = `'use strict';
self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener('push', function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (error) { data = {}; }
  var conversationId = typeof data.conversationId === 'string' ? data.conversationId : '';
  event.waitUntil(self.registration.showNotification(data.title || 'New reply', {
    body: data.body || 'You have a new reply',
    tag: 'parley-' + (conversationId || 'reply'),
    renotify: true,
    data: { conversationId: conversationId, seq: data.seq },
  }));
});

function pageToOpen() {
  var fallback = new URL('/', self.location.origin);
  var wanted = new URL(self.location.href).searchParams.get('open');
  if (!wanted) return fallback;
  try {
    var url = new URL(wanted, self.location.origin);
    return url.origin === self.location.origin ? url : fallback;
  } catch (error) {
    return fallback;
  }
}

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var conversationId = (event.notification.data || {}).conversationId;
  var target = pageToOpen();
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (windows) {
    var open = windows.find(function (client) { return new URL(client.url).pathname === target.pathname; });
    if (open) {
      open.postMessage({ type: 'parley:open-chat', conversationId: conversationId });
      return open.focus();
    }
    target.hash = 'parley-chat';
    return self.clients.openWindow(target.href);
  }));
});
`;
