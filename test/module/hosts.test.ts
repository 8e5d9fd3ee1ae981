import { describe, expect, it } from 'vitest';
import { isPublicCodeHost, isPublicForge } from '../../src/module/hosts.ts';

describe('public code hosts', () => {
  it('knows the forges, where GOPRIVATE needs host/org', () => {
    expect(isPublicForge('github.com')).toBe(true);
    expect(isPublicForge('GitHub.com')).toBe(true);
    expect(isPublicForge('golang.org')).toBe(false);
    expect(isPublicForge('git.corp.example.com')).toBe(false);
  });

  it('counts forges, vanity hosts of public modules and their subdomains as public', () => {
    for (const host of ['github.com', 'golang.org', 'gopkg.in', 'k8s.io', 'rsc.io', 'api.github.com']) {
      expect(isPublicCodeHost(host), host).toBe(true);
    }
    for (const host of [
      'git.corp.example.com',
      'example.com',
      'notgithub.com',
      'io',
      'github.com.evil.example',
    ]) {
      expect(isPublicCodeHost(host), host).toBe(false);
    }
  });
});
