// @neo4j/graphql 7 served by Apollo Server's standalone HTTP server, as the library's getting-started guide
// does, over the type definitions in typeDefs.graphql. Environment: NEO4J_URI (bolt://localhost:7687),
// NEO4J_USERNAME and NEO4J_PASSWORD (none: no authentication), PORT (4000). Prints "ready <url>" when it answers.
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";
import { statusOf } from "./status-rule.js";

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const auth = process.env.NEO4J_PASSWORD
  ? neo4j.auth.basic(process.env.NEO4J_USERNAME ?? "neo4j", process.env.NEO4J_PASSWORD)
  : undefined;
const driver = neo4j.driver(process.env.NEO4J_URI ?? "bolt://localhost:7687", auth);

const toNumber = (value) => (value === null || value === undefined ? null : Number(value));

const resolvers = {
  Kpi: {
    // numbers arrive as the driver's integers where a property holds a whole number
    status: (kpi) => statusOf(kpi.direction, kpi.observations.map((o) => ({
      ...o,
      fiscalYear: toNumber(o.fiscalYear),
      fiscalYearTo: toNumber(o.fiscalYearTo),
      value: toNumber(o.value),
    }))),
  },
};

const neoSchema = new Neo4jGraphQL({ typeDefs, driver, resolvers });
const server = new ApolloServer({ schema: await neoSchema.getSchema() });
const { url } = await startStandaloneServer(server, {
  context: async ({ req }) => ({ req }),
  listen: { port: Number(process.env.PORT ?? 4000) },
});
console.log(`ready ${url}`);

const stop = async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
