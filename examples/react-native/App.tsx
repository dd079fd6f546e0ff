import { ParleyProvider } from '@parley/sdk/react';
import * as Device from 'expo-device';
import * as Notifications from 'expo-notifications';
import { StatusBar } from 'expo-status-bar';
import { useEffect, useRef, useState } from 'react';
import { AppState, SafeAreaView } from 'react-native';
import { ChatScreen } from './src/ChatScreen';
import { config } from './src/config';
import { createFakeSignIn, type SignedInUser } from './src/fakeSignIn';
import { HomeScreen } from './src/HomeScreen';
import { followNotificationTaps, foregroundBehavior } from './src/notificationRouting';
import { createAppParleyClient } from './src/parleyClient';
import { registerForPush } from './src/pushSetup';
import { styles } from './src/styles';

const signIn = createFakeSignIn({ tokenUrl: config.identityTokenUrl });
const parley = createAppParleyClient(signIn);

type Screen = { name: 'home' } | { name: 'chat'; focusSeq: number | null };

export default function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const [user, setUser] = useState<SignedInUser | null>(signIn.user);
  const [pushNote, setPushNote] = useState<string | null>(null);
  const chatVisible = useRef(false);
  chatVisible.current = screen.name === 'chat';

  useEffect(() => {
    // A conversation from an earlier launch resumes at once, so the button shows its unread count.
    void parley.hasStoredConversation().then(async (stored) => {
      if (stored) await parley.start();
    });
    // A reply arriving while the customer reads the chat is on screen already: no banner.
    Notifications.setNotificationHandler({
      handleNotification: async () => foregroundBehavior(chatVisible.current),
    });
    return followNotificationTaps(parley, Notifications, ({ seq }) =>
      setScreen({ name: 'chat', focusSeq: seq }),
    );
  }, []);

  const openChat = async () => {
    setScreen({ name: 'chat', focusSeq: null });
    const result = await registerForPush(parley, Notifications, Device, {
      bundleId: config.bundleId,
      apnsEnvironment: config.apnsEnvironment,
    }).catch((error: unknown) => ({ status: 'unavailable' as const, reason: String(error) }));
    setPushNote(
      result.status === 'registered'
        ? 'You will get a notification when we reply.'
        : result.status === 'denied'
          ? 'Notifications are off: replies show when you open the chat.'
          : result.reason,
    );
  };

  return (
    <ParleyProvider client={parley} appState={AppState}>
      <SafeAreaView style={styles.screen}>
        <StatusBar style="auto" />
        {screen.name === 'chat' ? (
          <ChatScreen focusSeq={screen.focusSeq} onClose={() => setScreen({ name: 'home' })} />
        ) : (
          <HomeScreen
            user={user}
            pushNote={pushNote}
            onSignIn={(name) => setUser(signIn.signIn(name))}
            onSignOut={() => {
              // The device stops getting this customer's replies, and forgets the conversation.
              void parley.logout().finally(() => {
                signIn.signOut();
                setUser(null);
                setPushNote(null);
              });
            }}
            onOpenChat={() => void openChat()}
          />
        )}
      </SafeAreaView>
    </ParleyProvider>
  );
}
