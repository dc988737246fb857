/** `copydesk queue status`: the queue's counts and its failed jobs' reasons. */
import { Queue } from 'bullmq';
import { type CleanJobData, type CleanJobResult, connectionOf } from './jobs.js';

export interface QueueStatus {
  queue: string;
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  failed: { id: string; path: string; reason: string; attempts: number }[];
}

export async function queueStatus(
  redis: string,
  name: string,
  maxFailed: number,
): Promise<QueueStatus> {
  const queue = new Queue<CleanJobData, CleanJobResult>(name, {
    connection: connectionOf(redis, true),
  });
  queue.on('error', () => undefined); // reported by the failing command instead
  try {
    const c = await queue.getJobCounts(
      'waiting',
      'prioritized',
      'active',
      'delayed',
      'completed',
      'failed',
    );
    const failedJobs = maxFailed > 0 ? await queue.getFailed(0, maxFailed - 1) : [];
    return {
      queue: name,
      counts: {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        completed: c.completed ?? 0,
        failed: c.failed ?? 0,
      },
      failed: failedJobs.map((j) => ({
        id: String(j.id),
        path: (j.data as CleanJobData | undefined)?.path ?? '?',
        reason: j.failedReason ?? '',
        attempts: j.attemptsMade,
      })),
    };
  } finally {
    await queue.close();
  }
}

export function formatStatus(s: QueueStatus): string[] {
  const c = s.counts;
  const lines = [
    `queue ${s.queue}: ${c.waiting} waiting, ${c.active} active, ${c.delayed} delayed (retrying), ${c.completed} completed, ${c.failed} failed`,
  ];
  for (const f of s.failed)
    lines.push(
      `  failed ${f.path}: ${f.reason} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'})`,
    );
  if (c.failed > s.failed.length)
    lines.push(`  … and ${c.failed - s.failed.length} more failed (see --failed N)`);
  return lines;
}
