import type { z } from 'zod';
import type { KnowledgeArticle } from '../../bot-runtime/actions/types';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { newId } from '../db/schema/columns';
import type { updateKnowledgeBaseInput } from './deploymentSchemas';
import { changeDeploymentSettings, deploymentSettingsOf } from './deploymentSettings';

/** The FAQ articles of a deployment in the admin's org, in the order the admin keeps them. */
export function getKnowledgeBase(db: Db, orgId: string, id: string): KnowledgeArticle[] {
  return deploymentSettingsOf(db, orgId, id).actions.knowledgeBase ?? [];
}

/**
 * Replaces the articles. No articles leaves the FAQ search unconfigured, so a flow takes its
 * failure path instead of answering that it does not know.
 */
export function updateKnowledgeBase(
  db: Db,
  actor: StaffUser,
  input: z.infer<typeof updateKnowledgeBaseInput>,
): KnowledgeArticle[] {
  const articles = input.articles.map((article) => ({ ...article, id: article.id ?? newId() }));
  changeDeploymentSettings(
    db,
    actor,
    input.id,
    'deployment.knowledge_base_changed',
    (settings) => ({
      settings: {
        ...settings,
        actions: { ...settings.actions, knowledgeBase: articles.length ? articles : undefined },
      },
      details: { articles: articles.length },
    }),
  );
  return articles;
}
