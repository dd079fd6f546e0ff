import { useConversation } from '@parley/sdk/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  ActivityIndicator,
  FlatList,
  type FlatListHandle,
  KeyboardAvoidingView,
  Platform,
  Pressable,
  Text,
  TextInput,
  View,
} from 'react-native';
import { type ChatRow, chatRows, quickReplies } from './chatRows';
import { styles } from './styles';

interface ChatScreenProps {
  /** Scroll to this entry once it is there, e.g. the reply a tapped notification was about. */
  focusSeq: number | null;
  onClose: () => void;
}

/** The conversation, on the SDK's hook: entries, typing, connection, pending messages, send. */
export function ChatScreen({ focusSeq, onClose }: ChatScreenProps) {
  const { entries, pending, typing, status, error, unreadCount, send, setTyping, markRead } =
    useConversation();
  const [draft, setDraft] = useState('');
  const list = useRef<FlatListHandle>(null);
  const rows = useMemo(() => chatRows(entries, pending), [entries, pending]);
  const replies = quickReplies(entries);

  // The customer is looking at the conversation: what arrived is read.
  useEffect(() => {
    if (unreadCount > 0) void markRead().catch(() => undefined);
  }, [unreadCount, markRead]);

  useEffect(() => {
    if (focusSeq === null) return;
    const index = rows.findIndex((row) => row.seq === focusSeq);
    if (index >= 0) list.current?.scrollToIndex({ index, viewPosition: 0.5 });
  }, [focusSeq, rows]);

  const submit = () => {
    const text = draft.trim();
    if (!text) return;
    setDraft('');
    void setTyping(false);
    void send(text);
  };

  return (
    <KeyboardAvoidingView
      style={styles.screen}
      behavior={Platform.OS === 'ios' ? 'padding' : 'height'}
    >
      <View style={styles.row}>
        <Pressable accessibilityRole="button" onPress={onClose} style={styles.linkButton}>
          <Text style={styles.link}>Close</Text>
        </Pressable>
        <Text style={styles.title} accessibilityRole="header">
          Support
        </Text>
      </View>
      {status === 'reconnecting' ? (
        <Text style={styles.banner} accessibilityLiveRegion="polite">
          Reconnecting…
        </Text>
      ) : null}
      {error ? (
        <Text style={styles.banner} accessibilityRole="alert">
          {error.message}
        </Text>
      ) : null}
      <FlatList
        ref={list}
        data={rows}
        keyExtractor={(row) => row.key}
        renderItem={({ item }) => <Bubble row={item} />}
        onContentSizeChange={() => focusSeq === null && list.current?.scrollToEnd()}
        onScrollToIndexFailed={() => list.current?.scrollToEnd()}
        ListEmptyComponent={<ActivityIndicator size="large" />}
        contentContainerStyle={styles.list}
      />
      {typing.length > 0 ? (
        <Text style={styles.note} accessibilityLiveRegion="polite">
          {typing.map((actor) => actor.name).join(', ')} typing…
        </Text>
      ) : null}
      {replies.length > 0 ? (
        <View style={styles.row}>
          {replies.map((reply) => (
            <Pressable
              key={reply.value}
              accessibilityRole="button"
              onPress={() => void send({ choice: reply.value })}
              style={styles.chip}
            >
              <Text>{reply.label}</Text>
            </Pressable>
          ))}
        </View>
      ) : null}
      <View style={styles.row}>
        <TextInput
          value={draft}
          onChangeText={(text) => {
            setDraft(text);
            void setTyping(text.length > 0);
          }}
          onSubmitEditing={submit}
          placeholder="Message"
          accessibilityLabel="Message"
          returnKeyType="send"
          style={styles.input}
        />
        <Pressable
          accessibilityRole="button"
          disabled={!draft.trim()}
          onPress={submit}
          style={styles.linkButton}
        >
          <Text style={styles.link}>Send</Text>
        </Pressable>
      </View>
    </KeyboardAvoidingView>
  );
}

function Bubble({ row }: { row: ChatRow }) {
  if (row.side === 'event') return <Text style={styles.event}>{row.text}</Text>;
  return (
    <View style={[styles.bubble, row.side === 'customer' ? styles.mine : styles.theirs]}>
      {row.author ? <Text style={styles.author}>{row.author}</Text> : null}
      <Text>{row.text}</Text>
      {row.pending ? <Text style={styles.note}>Sending…</Text> : null}
    </View>
  );
}
