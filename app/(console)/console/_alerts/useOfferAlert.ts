'use client';

import { useCallback, useEffect, useState } from 'react';
import { playOfferTone } from './offerTone';

const SOUND_SETTING = 'parley:console:offerSound';

/**
 * How the console calls for attention when an offer arrives: the count of offers in the tab
 * title ("(1) Console"), and a chime when the agent turned sound on (off by default: a console
 * left open in a shared office should not start beeping). The choice is kept in this browser.
 */
export function useOfferAlert(offerCount: number) {
  const [soundOn, setSoundOn] = useState(false);

  useEffect(() => {
    setSoundOn(localStorage.getItem(SOUND_SETTING) === 'on');
  }, []);

  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, '');
    document.title = offerCount > 0 ? `(${offerCount}) ${base}` : base;
  }, [offerCount]);

  useEffect(
    () => () => {
      document.title = document.title.replace(/^\(\d+\) /, '');
    },
    [],
  );

  const toggleSound = useCallback((on: boolean) => {
    setSoundOn(on);
    localStorage.setItem(SOUND_SETTING, on ? 'on' : 'off');
    if (on) playOfferTone();
  }, []);

  const chime = useCallback(() => {
    if (soundOn) playOfferTone();
  }, [soundOn]);

  return { soundOn, toggleSound, chime };
}
