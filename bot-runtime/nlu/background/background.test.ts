import { describe, expect, it } from 'vitest';
import { trainFlowNlu } from '../../botTests/trainFlowNlu';
import { loadFlow } from '../../flow';
import { bundledNluResources } from '../bundledResources';
import { loadNlu } from '../loadNlu';
import { trainNlu } from '../trainNlu';
import { bundledBackground } from './readBundledBackground';

const resources = bundledNluResources;

const weatherBot = {
  intents: [
    {
      name: 'weather',
      phrases: [
        'what is the weather like today',
        'will it rain tomorrow',
        'is it going to be sunny this weekend',
        'how hot will it be this afternoon',
        'what is the forecast for saturday',
        'do I need a coat today',
        'is there a storm coming tonight',
        'how cold is it outside',
      ],
    },
    {
      name: 'alerts',
      phrases: [
        'send me weather alerts',
        'turn on storm warnings',
        'notify me when it is going to rain',
        'stop sending me alerts',
        'I want warnings about heavy snow',
      ],
    },
  ],
};

describe('the off-topic background', () => {
  it('ships several hundred utterances and no blank lines', () => {
    const background = bundledBackground('en') ?? [];
    expect(background.length).toBeGreaterThan(400);
    expect(background.every((line) => line.trim() === line && line !== '')).toBe(true);
    expect(bundledBackground('de')).toBeNull();
  });

  it('drops what is close to the bot’s phrases: a weather bot keeps weather', () => {
    const model = trainNlu(weatherBot, resources);
    const offered = bundledBackground('en')?.length ?? 0;
    expect(model.background.offered).toBe(offered);
    expect(model.background.kept).toBeLessThan(offered);
    // Most of the background is about other things, and stays.
    expect(model.background.kept).toBeGreaterThan(offered * 0.8);
    const nlu = loadNlu(model, resources);
    // Weather lines of the background, worded differently from the bot's phrases.
    for (const text of ['will it snow this weekend', 'how hot is it outside', 'is it windy']) {
      expect(nlu.classify(text, { threshold: 0.5 }).intent, text).toBe('weather');
    }
    for (const text of ['tell me a joke', 'who wrote romeo and juliet', 'what is 9 times 8']) {
      expect(nlu.classify(text, { threshold: 0.5 }).intent, text).toBeNull();
    }
  });

  it('teaches "none of these" to a bot about something else', () => {
    const nlu = loadNlu(trainNlu(weatherBot, resources), resources);
    const joke = nlu.classify('tell me a joke', { threshold: 0 });
    expect(joke.intent).toBeNull();
  });

  it('is left out when the training set turns it off, or when no resource gives it', () => {
    const off = trainNlu({ ...weatherBot, background: false }, resources);
    expect(off.background).toEqual({ offered: 0, kept: 0 });
    expect(off.noneClass).toBe(-1);
    const without = trainNlu(weatherBot, { wordVectorsFor: resources.wordVectorsFor });
    expect(without.background).toEqual({ offered: 0, kept: 0 });
  });
});

describe('the per-bot switch', () => {
  const flowWith = (nluBackground?: boolean) => {
    const loaded = loadFlow({
      schemaVersion: 1,
      nodes: [{ id: 'start', type: 'start' }],
      edges: [],
      settings: nluBackground === undefined ? {} : { nluBackground },
      nlu: weatherBot,
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    return loaded.flow;
  };

  it('is on by default', () => {
    expect(flowWith().settings.nluBackground).toBe(true);
    expect(trainFlowNlu(flowWith(), resources).background.kept).toBeGreaterThan(0);
  });

  it('switched off, trains without the background', () => {
    const model = trainFlowNlu(flowWith(false), resources);
    expect(model.background).toEqual({ offered: 0, kept: 0 });
    expect(model.noneClass).toBe(-1);
  });

  it('takes extra background utterances whatever the switch says', () => {
    const model = trainFlowNlu(flowWith(false), resources, ['sing me a song', 'what is love']);
    expect(model.noneClass).toBeGreaterThanOrEqual(0);
    const nlu = loadNlu(model, resources);
    expect(nlu.classify('sing me a song', { threshold: 0 }).intent).toBeNull();
  });
});
