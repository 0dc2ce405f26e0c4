// Unpacks an OCI image tarball (as `dotnet publish -t:PublishContainer` writes it) into a folder and prints the image's
// user, working directory, entry point and environment as shell words, for scripts/container-image.sh --check to run it
// in a chroot where no container runtime works. Usage: node container-check.mjs image.tar folder
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [archive, folder] = process.argv.slice(2);
const image = join(folder, 'image');
const root = join(folder, 'root');
mkdirSync(image, { recursive: true });
mkdirSync(root, { recursive: true });
execFileSync('tar', ['-xf', archive, '-C', image]);
const blob = digest => join(image, 'blobs', ...digest.split(':'));
const index = JSON.parse(readFileSync(join(image, 'index.json')));
const manifest = JSON.parse(readFileSync(blob(index.manifests[0].digest)));
const config = JSON.parse(readFileSync(blob(manifest.config.digest))).config;
for (const layer of manifest.layers) execFileSync('tar', [layer.mediaType.includes('gzip') ? '-xzf' : '-xf', blob(layer.digest), '-C', root]);
const quote = s => `'${String(s).replaceAll("'", "'\\''")}'`;
console.log(`user=${quote(config.User)}`);
console.log(`workdir=${quote(config.WorkingDir || '/')}`);
console.log(`entrypoint=(${(config.Entrypoint || []).map(quote).join(' ')})`);
console.log(`environment=(${(config.Env || []).map(quote).join(' ')})`);
console.log(`ports=(${Object.keys(config.ExposedPorts || {}).map(p => quote(p.split('/')[0])).join(' ')})`);
