import { useConversation } from '@parley/sdk/react';
import { useState } from 'react';
import { Pressable, Text, TextInput, View } from 'react-native';
import type { SignedInUser } from './fakeSignIn';
import { styles } from './styles';

interface HomeScreenProps {
  user: SignedInUser | null;
  pushNote: string | null;
  onSignIn: (name: string) => void;
  onSignOut: () => void;
  onOpenChat: () => void;
}

/** The app's home: a fake sign-in and the "Chat with us" button with the unread count. */
export function HomeScreen({ user, pushNote, onSignIn, onSignOut, onOpenChat }: HomeScreenProps) {
  const [name, setName] = useState('');
  return (
    <View style={styles.screen}>
      <Text style={styles.title} accessibilityRole="header">
        Acme
      </Text>
      {user ? (
        <View style={styles.row}>
          <Text style={styles.body}>Signed in as {user.name}</Text>
          <Pressable accessibilityRole="button" onPress={onSignOut} style={styles.linkButton}>
            <Text style={styles.link}>Sign out</Text>
          </Pressable>
        </View>
      ) : (
        <View style={styles.row}>
          <TextInput
            value={name}
            onChangeText={setName}
            placeholder="Your name"
            accessibilityLabel="Your name"
            autoCapitalize="sentences"
            returnKeyType="done"
            onSubmitEditing={() => name.trim() && onSignIn(name)}
            style={styles.input}
          />
          <Pressable
            accessibilityRole="button"
            disabled={!name.trim()}
            onPress={() => onSignIn(name)}
            style={styles.linkButton}
          >
            <Text style={styles.link}>Sign in</Text>
          </Pressable>
        </View>
      )}
      <ChatButton onPress={onOpenChat} />
      {pushNote ? <Text style={styles.note}>{pushNote}</Text> : null}
    </View>
  );
}

function ChatButton({ onPress }: { onPress: () => void }) {
  // Not started here: only the chat screen starts a conversation; a stored one still counts.
  const { unreadCount } = useConversation({ autoStart: false });
  const label = unreadCount > 0 ? `Chat with us (${unreadCount} new)` : 'Chat with us';
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={label}
      onPress={onPress}
      style={styles.primaryButton}
    >
      <Text style={styles.primaryButtonText}>{label}</Text>
    </Pressable>
  );
}
