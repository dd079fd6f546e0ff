let context: AudioContext | null = null;

/**
 * A short two-note chime made on the spot with the Web Audio API, so the console ships no
 * sound file. Browsers only let a page play sound after the person has interacted with it;
 * turning the sound on is that interaction, and it plays the chime once as a sample.
 */
export function playOfferTone() {
  context ??= new AudioContext();
  const start = context.currentTime;
  for (const [index, frequency] of [880, 1320].entries()) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const at = start + index * 0.16;
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.16);
  }
}
