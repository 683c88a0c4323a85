# The API serving the built web client. PostgreSQL and Meilisearch come from their official images
# (docker-compose.yml), so the embedded binaries (optional dependencies) are not installed.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npx --yes pnpm@10.34.8 install --frozen-lockfile --no-optional \
 && npx --yes pnpm@10.34.8 build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=4000
COPY --from=build /app /app
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:4000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--import", "tsx", "packages/api/src/main.ts"]
