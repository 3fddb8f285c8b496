import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './stack';

const run = promisify(execFile);

/** Whether a child process still runs (a killed one has a signal and no exit code). */
function running(child: ChildProcess | undefined): child is ChildProcess {
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

/** One redis-server of the cluster. */
interface Node {
  readonly port: number;
  /** The cluster bus's port (by default port + 10000, which may not exist). */
  readonly busPort: number;
  process: ChildProcess | undefined;
}

/**
 * A Redis Cluster of the test's own: 3 masters, each with a replica, started with Debian's `redis-server`
 * in cluster mode on free ports (never the shared Redis), nothing kept past the test.
 */
export class OwnRedisCluster {
  private constructor(
    private readonly nodes: Node[],
    private readonly dir: string,
  ) {}

  static async start(): Promise<OwnRedisCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'unblock-cluster-'));
    const nodes: Node[] = [];
    for (let i = 0; i < 6; i += 1)
      nodes.push({ port: await freePort(), busPort: await freePort(), process: undefined });
    const cluster = new OwnRedisCluster(nodes, dir);
    for (const node of nodes) cluster.launch(node);
    for (const node of nodes) await cluster.cli(node.port, 'ping');
    await run('redis-cli', [
      '--cluster',
      'create',
      ...nodes.map((n) => `127.0.0.1:${n.port}`),
      '--cluster-replicas',
      '1',
      '--cluster-yes',
    ]);
    await cluster.untilHealthy();
    return cluster;
  }

  /** `host:port,…` of every node, as REDIS_CLUSTER_NODES takes them. */
  get nodeList(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  }

  /** A node's URL (for REDIS_URL, which then gives only credentials). */
  get url(): string {
    return `redis://127.0.0.1:${this.nodes[0]?.port ?? 0}`;
  }

  private launch(node: Node): void {
    node.process = spawn(
      'redis-server',
      [
        '--port',
        String(node.port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-port',
        String(node.busPort),
        '--cluster-config-file',
        join(this.dir, `nodes-${node.port}.conf`),
        '--cluster-node-timeout',
        '1000',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
  }

  private async cli(port: number, ...args: string[]): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        return (await run('redis-cli', ['-p', String(port), ...args])).stdout.trim();
      } catch (error: unknown) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private live(): Node[] {
    return this.nodes.filter((n) => running(n.process));
  }

  /** Waits until every live node says the cluster is ok, and 3 live masters serve the slots. */
  async untilHealthy(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = await Promise.all(this.live().map((n) => this.cli(n.port, 'cluster', 'info')));
      const masters = await this.masters();
      if (states.every((s) => s.includes('cluster_state:ok')) && masters.length === 3) return;
      if (Date.now() > deadline) throw new Error(`the cluster did not become healthy: ${states.join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** The live masters' ports, as a live node sees them. */
  async masters(): Promise<number[]> {
    const [first] = this.live();
    if (!first) return [];
    const lines = (await this.cli(first.port, 'cluster', 'nodes')).split('\n');
    const live = new Set(this.live().map((n) => n.port));
    return lines
      .filter((l) => l.includes('master') && !l.includes('fail') && /\s\d+-\d+/u.test(l))
      .map((l) => Number(/:(\d+)@/u.exec(l)?.[1]))
      .filter((port) => live.has(port));
  }

  /** The port of the master that serves the slot of a key (a hash-tagged queue prefix's, say). */
  async masterOf(key: string): Promise<number> {
    const [first] = this.live();
    if (!first) throw new Error('no live node');
    const slot = Number(await this.cli(first.port, 'cluster', 'keyslot', key));
    const lines = (await this.cli(first.port, 'cluster', 'nodes')).split('\n');
    for (const line of lines) {
      if (!line.includes('master') || line.includes('fail')) continue;
      for (const range of line.split(' ').slice(8)) {
        const [from, to] = range.split('-').map(Number);
        if (from !== undefined && slot >= from && slot <= (to ?? from)) return Number(/:(\d+)@/u.exec(line)?.[1]);
      }
    }
    throw new Error(`no master serves slot ${slot}`);
  }

  /** FLUSHALL on every master: the cluster loses everything. */
  async flushAll(): Promise<void> {
    for (const port of await this.masters()) await this.cli(port, 'flushall');
  }

  /** Kills one node outright (a master: its replica takes over once the others see it fail). */
  async kill(port: number): Promise<void> {
    const node = this.nodes.find((n) => n.port === port);
    const child = node?.process;
    if (!child || !running(child)) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    for (const node of this.nodes) await this.kill(node.port);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
