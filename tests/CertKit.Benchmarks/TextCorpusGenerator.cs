using System.Text;

namespace CertKit.Benchmarks;

/// <summary>
/// Generates a seeded corpus of the files a partner repository holds besides its C# projects' code: C# (from
/// <see cref="CorpusGenerator"/>), appsettings and package JSON, commercetools <c>connect.yaml</c>, CI workflows and
/// Kubernetes manifests, <c>.env</c> files, and the JavaScript/TypeScript of a commercetools Connect application.
/// A few files carry a planted secret, credential URL or hardcoded endpoint, as real repositories do.
/// </summary>
internal static class TextCorpusGenerator
{
    private static readonly string[] Services = ["orders", "catalog", "payments", "webhooks", "inventory", "shipping", "tax", "search", "customers", "certificates"];
    private static readonly string[] Regions = ["europe-west1", "us-central1", "australia-southeast1", "us-east-2", "eu-central-1"];

    /// <summary>Fake secrets in real formats, so the detectors have something to find (none of them is a live credential).</summary>
    private static readonly string[] PlantedSecrets =
    [
        "AKIAIOSFODNN7EXAMPL3",
        "ghp_" + "R2d2C3poBb8Ee5Ff1Gg7Hh3Ii9Jj0KkLlMmNn",
        "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
        "xoxb-" + "2048-4096-8192-QwErTyUiOpAsDfGhJkLzXcVb",
        "SG." + "ngeVfQFYQlKU0ufo8x5d1A.TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr",
    ];

    public readonly record struct TextFile(string Path, string Kind, string Text);

    public static List<TextFile> Generate(long targetBytes, int seed, out int planted)
    {
        var random = new Random(seed);
        var files = new List<TextFile>();
        long bytes = 0;
        planted = 0;
        var index = 0;
        var csharp = CorpusGenerator.Generate(5_000, seed);
        while (bytes < targetBytes)
        {
            var service = Services[random.Next(Services.Length)];
            var plant = random.Next(40) == 0;
            planted += plant ? 1 : 0;
            var secret = PlantedSecrets[random.Next(PlantedSecrets.Length)];
            TextFile file = (random.Next(20)) switch
            {
                < 4 => new($"src/{service}/File{index}.cs", "C#", PlantInCSharp(csharp[random.Next(csharp.Count)].Text, plant, secret)),
                < 7 => new($"src/{service}/appsettings.{index}.json", "JSON", AppSettings(service, random, plant, secret)),
                < 8 => new($"connect/{service}/package{index}.json", "JSON", PackageJson(service, random)),
                < 10 => new($"connect/{service}/connect{index}.yaml", "YAML", ConnectYaml(service, random, plant, secret)),
                < 11 => new($".github/workflows/{service}{index}.yml", "YAML", Workflow(service, random)),
                < 12 => new($"deploy/{service}/deployment{index}.yaml", "YAML", Deployment(service, random, plant, secret)),
                < 14 => new($"connect/{service}/.env.{index}", ".env", DotEnv(service, random, plant, secret)),
                < 17 => new($"connect/{service}/src/handler{index}.js", "JS", JavaScript(service, random, plant, secret)),
                _ => new($"connect/{service}/src/client{index}.ts", "TS", TypeScript(service, random, plant, secret)),
            };
            files.Add(file);
            bytes += Encoding.UTF8.GetByteCount(file.Text);
            index++;
        }

        return files;
    }

    private static string PlantInCSharp(string text, bool plant, string secret)
    {
        if (!plant)
        {
            return text;
        }

        var brace = text.LastIndexOf('}');
        return text[..brace] + $"    internal static class Leaked {{ public const string Token = \"{secret}\"; }}\n" + text[brace..];
    }

    private static string AppSettings(string service, Random random, bool plant, string secret)
    {
        var sb = new StringBuilder();
        sb.Append($$"""
            {
              "Logging": {
                "LogLevel": {
                  "Default": "Information",
                  "Microsoft.AspNetCore": "Warning",
                  "System.Net.Http.HttpClient": "Warning"
                }
              },
              "AllowedHosts": "*",
              "Venafi": {
                "BaseUrl": "https://api.venafi.cloud",
                "ApiKeyHeader": "tppl-api-key",
                "ApiKey": "",
                "ZoneId": "{{Guid(random)}}",
                "Timeout": "00:00:{{10 + random.Next(50)}}"
              },
              "Commercetools": {
                "ProjectKey": "{{service}}-prod",
                "Region": "{{Regions[random.Next(Regions.Length)]}}",
                "ClientId": "{{Token(random, 24)}}",
                "ClientSecret": "{{(plant ? secret : string.Empty)}}",
                "Scopes": [ "manage_orders:{{service}}-prod", "view_products:{{service}}-prod" ]
              },
              "AdobeSign": {
                "ApiBaseUrl": "https://api.na1.adobesign.com/api/rest/v6",
                "RefreshTokenSecretName": "adobe-sign-refresh-token"
              },
              "ConnectionStrings": {
                "Orders": "Server=tcp:{{service}}-sql.internal,1433;Database={{service}};Authentication=Active Directory Default;Encrypt=True"
              },
              "Retry": [

            """);
        var retries = 3 + random.Next(30);
        for (var i = 0; i < retries; i++)
        {
            sb.Append($"    {{ \"Attempt\": {i}, \"DelayMs\": {100 * (i + 1)}, \"Jitter\": {random.NextDouble():F3}, \"Status\": [408, 429, 500, 502, 503] }}{(i + 1 < retries ? "," : string.Empty)}\n");
        }

        sb.Append("  ]\n}\n");
        return sb.ToString();
    }

    private static string PackageJson(string service, Random random)
    {
        var sb = new StringBuilder();
        sb.Append($$"""
            {
              "name": "@partner/{{service}}-connect",
              "version": "{{random.Next(5)}}.{{random.Next(20)}}.{{random.Next(40)}}",
              "private": true,
              "main": "dist/index.js",
              "scripts": {
                "build": "tsc -p tsconfig.json",
                "start": "node dist/index.js",
                "test": "jest --runInBand",
                "lint": "eslint . --ext .ts"
              },
              "dependencies": {

            """);
        string[] packages = ["@commercetools/platform-sdk", "@commercetools/sdk-client-v2", "express", "dotenv", "axios", "pino", "zod", "jsonwebtoken", "uuid", "lodash"];
        for (var i = 0; i < packages.Length; i++)
        {
            sb.Append($"    \"{packages[i]}\": \"^{random.Next(1, 9)}.{random.Next(30)}.{random.Next(20)}\"{(i + 1 < packages.Length ? "," : string.Empty)}\n");
        }

        sb.Append("  },\n  \"repository\": { \"type\": \"git\", \"url\": \"git+https://github.com/partner/" + service + "-connect.git\" }\n}\n");
        return sb.ToString();
    }

    private static string ConnectYaml(string service, Random random, bool plant, string secret) => $$"""
        deployAs:
          - name: {{service}}-service
            applicationType: service
            endpoint: /{{service}}
            scripts:
              postDeploy: npm install && npm run connector:post-deploy
              preUndeploy: npm install && npm run connector:pre-undeploy
            configuration:
              standardConfiguration:
                - key: CTP_REGION
                  description: commercetools Composable Commerce API region
                  default: {{Regions[random.Next(Regions.Length)]}}.gcp
                - key: CTP_PROJECT_KEY
                  description: commercetools project key
                - key: CTP_SCOPE
                  description: scopes of the API client
              securedConfiguration:
                - key: CTP_CLIENT_ID
                  description: commercetools client id
                - key: CTP_CLIENT_SECRET
                  description: commercetools client secret{{(plant ? "\n          default: " + secret : string.Empty)}}
          - name: {{service}}-job
            applicationType: job
            endpoint: /{{service}}-job
            properties:
              schedule: "*/{{5 + random.Next(55)}} * * * *"

        """;

    private static string Workflow(string service, Random random) => $$$"""
        name: {{{service}}} CI
        on:
          push:
            branches: [ main ]
          pull_request:
        permissions:
          contents: read
          security-events: write
        jobs:
          build:
            runs-on: ubuntu-latest
            timeout-minutes: {{{10 + random.Next(20)}}}
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: '10.0.x'
              - run: dotnet build --configuration Release
              - run: dotnet test --no-build --configuration Release
              - run: dotnet tool run certkit scan --sarif certkit.sarif --fail-on none
              - uses: github/codeql-action/upload-sarif@v3
                with:
                  sarif_file: certkit.sarif
              - name: Notify
                env:
                  WEBHOOK_URL: ${{ secrets.TEAMS_WEBHOOK_URL }}
                  API_TOKEN: ${{ secrets.CERTKIT_TOKEN }}
                run: ./scripts/notify.sh "{{{service}}}"

        """;

    private static string Deployment(string service, Random random, bool plant, string secret)
    {
        var sb = new StringBuilder();
        sb.Append($$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{service}}
              labels:
                app.kubernetes.io/name: {{service}}
                app.kubernetes.io/part-of: partner-integration
            spec:
              replicas: {{1 + random.Next(5)}}
              selector:
                matchLabels:
                  app: {{service}}
              template:
                metadata:
                  labels:
                    app: {{service}}
                spec:
                  containers:
                    - name: {{service}}
                      image: registry.partner.internal/{{service}}:{{random.Next(100)}}.{{random.Next(100)}}
                      ports:
                        - containerPort: 8080
                      env:

            """);
        var variables = 4 + random.Next(12);
        for (var i = 0; i < variables; i++)
        {
            sb.Append($$"""
                            - name: {{service.ToUpperInvariant()}}_SETTING_{{i}}
                              valueFrom:
                                secretKeyRef:
                                  name: {{service}}-secrets
                                  key: setting-{{i}}

                """);
        }

        if (plant)
        {
            sb.Append($"            - name: DATABASE_URL\n              value: postgres://{service}:{Token(random, 16)}@db.partner-prod.net:5432/{service}\n");
            sb.Append($"            - name: VENDOR_TOKEN\n              value: {secret}\n");
        }

        sb.Append("          resources:\n            limits:\n              memory: 512Mi\n              cpu: 500m\n");
        return sb.ToString();
    }

    private static string DotEnv(string service, Random random, bool plant, string secret) => $"""
        # {service}: copy to .env and fill in from the vault
        CTP_PROJECT_KEY={service}-prod
        CTP_CLIENT_ID=
        CTP_CLIENT_SECRET={(plant ? secret : "<your-client-secret>")}
        CTP_SCOPE=manage_project:{service}-prod
        CTP_AUTH_URL=https://auth.{Regions[random.Next(Regions.Length)]}.gcp.commercetools.com
        CTP_API_URL=https://api.{Regions[random.Next(Regions.Length)]}.gcp.commercetools.com
        VENAFI_API_KEY=
        ADOBE_SIGN_CLIENT_ID={Token(random, 20)}
        LOG_LEVEL=info
        PORT={8000 + random.Next(1000)}

        """;

    private static string JavaScript(string service, Random random, bool plant, string secret)
    {
        var sb = new StringBuilder();
        sb.Append($$"""
            'use strict';

            const express = require('express');
            const { createApiBuilderFromCtpClient } = require('@commercetools/platform-sdk');
            const { ClientBuilder } = require('@commercetools/sdk-client-v2');
            const logger = require('../utils/logger');

            const projectKey = process.env.CTP_PROJECT_KEY;
            const authMiddlewareOptions = {
              host: process.env.CTP_AUTH_URL,
              projectKey,
              credentials: {
                clientId: process.env.CTP_CLIENT_ID,
                clientSecret: {{(plant ? "'" + secret + "'" : "process.env.CTP_CLIENT_SECRET")}},
              },
              scopes: [process.env.CTP_SCOPE],
              fetch,
            };
            const httpMiddlewareOptions = { host: process.env.CTP_API_URL, fetch };

            const client = new ClientBuilder()
              .withClientCredentialsFlow(authMiddlewareOptions)
              .withHttpMiddleware(httpMiddlewareOptions)
              .build();
            const api = createApiBuilderFromCtpClient(client).withProjectKey({ projectKey });
            const router = express.Router();


            """);
        var handlers = 3 + random.Next(10);
        for (var i = 0; i < handlers; i++)
        {
            sb.Append($$"""
                router.post('/{{service}}/event{{i}}', async (req, res) => {
                  const message = req.body && req.body.message;
                  if (!message || !message.data) {
                    logger.warn('{{service}} event{{i}}: empty message');
                    return res.status(400).send({ error: 'bad request' });
                  }

                  const payload = JSON.parse(Buffer.from(message.data, 'base64').toString('utf8'));
                  try {
                    const result = await api.orders().withId({ ID: payload.resource.id }).get().execute();
                    logger.info(`{{service}} event{{i}} ${payload.resource.id} version ${result.body.version}`);
                    return res.status(200).send({ ok: true });
                  } catch (error) {
                    logger.error(`{{service}} event{{i}} failed: ${error.message}`);
                    return res.status(error.statusCode || 500).send({ error: error.message });
                  }
                });


                """);
        }

        sb.Append("module.exports = router;\n");
        return sb.ToString();
    }

    private static string TypeScript(string service, Random random, bool plant, string secret)
    {
        var sb = new StringBuilder();
        var endpoint = plant ? $"'https://{service}.partner-prod.net/api'" : "process.env.SERVICE_URL ?? ''";
        sb.Append($$"""
            import axios, { AxiosInstance } from 'axios';
            import { z } from 'zod';

            const AgreementSchema = z.object({
              id: z.string(),
              name: z.string(),
              status: z.enum(['OUT_FOR_SIGNATURE', 'SIGNED', 'CANCELLED', 'EXPIRED']),
              createdDate: z.string(),
            });
            export type Agreement = z.infer<typeof AgreementSchema>;

            export class {{char.ToUpperInvariant(service[0]) + service[1..]}}Client {
              private readonly http: AxiosInstance;
              private readonly baseUrl = {{endpoint}};

              constructor(private readonly accessToken: string) {
                this.http = axios.create({
                  baseURL: process.env.ADOBE_SIGN_API_URL,
                  timeout: {{1000 * (5 + random.Next(25))}},
                  headers: { Authorization: `Bearer ${accessToken}` },
                });
              }


            """);
        var methods = 3 + random.Next(10);
        for (var i = 0; i < methods; i++)
        {
            sb.Append($$"""
                  async getAgreement{{i}}(agreementId: string): Promise<Agreement> {
                    const response = await this.http.get(`/agreements/${encodeURIComponent(agreementId)}`);
                    if (response.status !== 200) {
                      throw new Error(`agreement ${agreementId}: HTTP ${response.status}`);
                    }
                    return AgreementSchema.parse(response.data);
                  }


                """);
        }

        if (plant)
        {
            sb.Append($"  private static readonly fallbackKey = '{secret}';\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }

    private static string Token(Random random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
