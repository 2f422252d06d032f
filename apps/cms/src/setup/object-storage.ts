/**
 * Uploads in S3-compatible object storage (@strapi/provider-upload-aws-s3), so that several CMS
 * instances serve the same files: on when S3_BUCKET is set, otherwise Strapi's local provider
 * (<PUBLIC_DIR>/uploads, the demo's). Read by config/plugins.ts (the provider) and
 * config/middlewares.ts (the admin's CSP must let it show images from the bucket or CDN).
 */
import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

export type ObjectStorage = {
  provider: 'aws-s3';
  providerOptions: {
    baseUrl?: string;
    rootPath?: string;
    s3Options: {
      region: string;
      endpoint?: string;
      forcePathStyle: boolean;
      credentials?: { accessKeyId: string; secretAccessKey: string };
      params: { Bucket: string; ACL?: string };
    };
  };
  /** Where browsers and the site build fetch the files from: the CDN/public URL, or the bucket itself. */
  publicOrigin: string;
};

export function objectStorage(env: Env): ObjectStorage | null {
  const bucket = env('S3_BUCKET', '').trim();
  if (!bucket) return null;
  const region = env('S3_REGION', '').trim() || 'us-east-1';
  const endpoint = readUrl('S3_ENDPOINT', env('S3_ENDPOINT', ''));
  const baseUrl = readUrl('S3_PUBLIC_URL', env('S3_PUBLIC_URL', ''));
  const forcePathStyle = env.bool('S3_FORCE_PATH_STYLE', false);
  const accessKeyId = env('S3_ACCESS_KEY_ID', '').trim();
  const secretAccessKey = env('S3_SECRET_ACCESS_KEY', '').trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither (the AWS SDK then uses its own credential chain, such as an instance role).');
  }
  // Files must be publicly readable (the site build and readers fetch them). Buckets with ACLs
  // disabled ("bucket owner enforced") refuse the header: S3_ACL=none, and a bucket policy or CDN.
  const acl = env('S3_ACL', '').trim() || 'public-read';
  const rootPath = env('S3_ROOT_PATH', '').trim();

  const bucketOrigin = endpoint
    ? forcePathStyle
      ? new URL(endpoint).origin
      : `${new URL(endpoint).protocol}//${bucket}.${new URL(endpoint).host}`
    : `https://${bucket}.s3.${region}.amazonaws.com`;
  return {
    provider: 'aws-s3',
    providerOptions: {
      ...(baseUrl ? { baseUrl } : {}),
      ...(rootPath ? { rootPath } : {}),
      s3Options: {
        region,
        ...(endpoint ? { endpoint } : {}),
        forcePathStyle,
        ...(accessKeyId ? { credentials: { accessKeyId, secretAccessKey } } : {}),
        // The provider sends `public-read` unless the key is present; present and undefined sends none.
        params: { Bucket: bucket, ACL: acl === 'none' ? undefined : acl },
      },
    },
    publicOrigin: baseUrl ? new URL(baseUrl).origin : bucketOrigin,
  };
}

function readUrl(name: string, value: string) {
  const raw = value.trim();
  if (raw === '') return '';
  if (!/^https?:\/\/\S+$/.test(raw) || !URL.canParse(raw)) {
    throw new Error(`${name} must be an http(s) URL, such as https://media.example.org, or empty; got "${value}".`);
  }
  return raw.replace(/\/+$/, '');
}
