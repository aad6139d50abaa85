using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Evidence;

/// <summary>
/// JS/TS endpoints through <c>EndpointInventory</c> (the workspace, then the shared JS/TS reader): one row per call site as
/// <c>file:line METHOD path @ base</c>, or the expression as written when the URL cannot be followed.
/// </summary>
public sealed class ScriptEndpointTests
{
    private static async Task<List<string>> InventoryAsync(params (string Path, string Text)[] files)
    {
        using var repo = TempRepository.Create(git: false);
        foreach (var (path, text) in files)
        {
            repo.Write(path, text);
        }

        var report = await EndpointInventory.ScanAsync(repo.Root, CancellationToken.None);
        return report.Endpoints
            .SelectMany(e => e.Sites.Select(s => (Site: s, Endpoint: e)))
            .OrderBy(x => x.Site.File, StringComparer.Ordinal).ThenBy(x => x.Site.Line).ThenBy(x => x.Endpoint.Display, StringComparer.Ordinal)
            .Select(x => $"{x.Site.File}:{x.Site.Line} {x.Endpoint.Display}{(x.Endpoint.Base is null ? string.Empty : " @ " + x.Endpoint.Base)}")
            .ToList();
    }

    [Fact]
    public async Task CommentedOutSdkCallsAndTheClientBuilderAreNotEndpoints()
    {
        var endpoints = await InventoryAsync(("src/types.ts", """
            import { ClientBuilder } from '@commercetools/sdk-client-v2';
            import { createApiBuilderFromCtpClient } from '@commercetools/platform-sdk';

            const ctpClient = new ClientBuilder()
              .withProjectKey(process.env.CTP_PROJECT_KEY)
              .withClientCredentialsFlow(authMiddlewareOptions)
              .withHttpMiddleware(httpMiddlewareOptions)
              .build();
            const apiRoot = createApiBuilderFromCtpClient(ctpClient).withProjectKey({ projectKey: process.env.CTP_PROJECT_KEY });

            export async function createType(body) {
              // await apiRoot.types().post({ body }).execute();
              /* await apiRoot.types().withKey({ key: body.key }).delete().execute(); */
              const comment = 'apiRoot.orders().get().execute()';
              return apiRoot.types().post({ body }).execute();
            }
            """));

        Assert.Equal(["src/types.ts:15 POST /{projectKey}/types @ commercetools SDK"], endpoints);
    }

    [Fact]
    public async Task SdkChainsAreRecognisedByTheirShapeWhateverTheRootIsCalled()
    {
        var endpoints = await InventoryAsync(("processor/src/clients.ts", """
            import { createApiBuilderFromCtpClient } from '@commercetools/platform-sdk';

            export class CartClient {
              constructor(private readonly apiClient: ByProjectKeyRequestBuilder) {}

              updateCart(id: string, version: number) {
                return this.apiClient.carts().withId({ ID: id }).post({ body: { version, actions: [] } }).execute();
              }

              payment(id: string) {
                return paymentSDK.ctAPI.client.payments().withId({ ID: id }).get().execute();
              }

              order(orderNumber: string) {
                return this.getApiRoot()
                  .inStoreKeyWithStoreKeyValue({ storeKey: 'eu' })
                  .orders()
                  .withOrderNumber({ orderNumber })
                  .get()
                  .execute();
              }

              product(client, id) {
                return createApiBuilderFromCtpClient(client).withProjectKey({ projectKey: 'shop' }).products().withId({ ID: id }).head().execute();
              }

              project() {
                return createApiRoot().get().execute();
              }

              notARequest() {
                return knex.select().from('carts').where({ id: 1 }).execute();
              }

              builtNotSent() {
                return this.apiClient.carts().withId({ ID: '1' }).get();
              }
            }
            """));

        Assert.Equal(
            [
                "processor/src/clients.ts:7 POST /{projectKey}/carts/{ID} @ commercetools SDK",
                "processor/src/clients.ts:11 GET /{projectKey}/payments/{ID} @ commercetools SDK",
                "processor/src/clients.ts:16 GET /{projectKey}/in-store/key={storeKey}/orders/order-number={orderNumber} @ commercetools SDK",
                "processor/src/clients.ts:24 HEAD /{projectKey}/products/{ID} @ commercetools SDK",
                "processor/src/clients.ts:28 GET /{projectKey} @ commercetools SDK",
            ],
            endpoints);
    }

    [Fact]
    public async Task FetchTakesItsMethodFromTheInitObjectWhereverItIsWritten()
    {
        var endpoints = await InventoryAsync(("enabler/src/api.ts", """
            const BASE_URL = process.env.PROCESSOR_URL;
            const API_VERSION = 'v2';

            export async function inline(id: string) {
              return fetch(`${BASE_URL}/${API_VERSION}/payments/${encodeURIComponent(id)}`, { method: 'POST', body: '{}' });
            }

            export async function declaredBefore() {
              const options: RequestInit = { headers: { 'Content-Type': 'application/json' }, method: 'PUT' };
              return fetch(BASE_URL + '/sessions', options);
            }

            export async function assignedLater() {
              const init: RequestInit = {};
              init.headers = { accept: 'application/json' };
              init.method = 'POST';
              return fetch(`${BASE_URL}/refunds`, init);
            }

            export async function shorthandAndSpread(base: RequestInit) {
              const method = 'DELETE';
              await fetch(`${BASE_URL}/tokens`, { ...base, method });
              return fetch(`${BASE_URL}/config`, base);
            }

            export async function eitherWay(hasBody: boolean) {
              const url = new URL(`${BASE_URL}/payments`);
              return fetch(url.toString(), { method: hasBody ? 'POST' : 'GET' });
            }

            export async function noInit() {
              return fetch('https://api.psp.example/v1/health');
            }

            export async function request(url: string) {
              return fetch(url, { method: 'PATCH' });
            }
            """));

        Assert.Equal(
            [
                "enabler/src/api.ts:5 POST /v2/payments/{id} @ env:PROCESSOR_URL",
                "enabler/src/api.ts:10 PUT /sessions @ env:PROCESSOR_URL",
                "enabler/src/api.ts:17 POST /refunds @ env:PROCESSOR_URL",
                "enabler/src/api.ts:22 DELETE /tokens @ env:PROCESSOR_URL",
                "enabler/src/api.ts:23 ? /config @ env:PROCESSOR_URL",
                "enabler/src/api.ts:28 GET /payments @ env:PROCESSOR_URL",
                "enabler/src/api.ts:28 POST /payments @ env:PROCESSOR_URL",
                "enabler/src/api.ts:32 GET /v1/health @ https://api.psp.example",
                "enabler/src/api.ts:36 PATCH url",
            ],
            endpoints);
    }

    [Fact]
    public async Task AxiosGotSuperagentAndNodeFetchByWhatTheFileImports()
    {
        var endpoints = await InventoryAsync(
            ("src/psp.js", """
                const axios = require('axios');
                const { isAxiosError } = require('axios');
                const PSP_URL = process.env.PSP_URL || 'http://localhost:8080';

                class Psp {
                  constructor() {
                    this.http = axios.create({ baseURL: PSP_URL, timeout: 5000 });
                  }

                  charge(body) { return this.http.post('/v1/charges', body, { headers: {} }); }
                  refund(id) { return this.http.request({ method: 'post', url: `/v1/charges/${id}/refunds` }); }
                  status(id) { return axios(`https://status.psp.example/v1/${id}`, { method: 'HEAD' }); }
                  failed(error) { return isAxiosError(error); }
                }
                """),
            ("src/others.ts", """
                import got from 'got';
                import request from 'superagent';
                import nodeFetch, { Headers } from 'node-fetch';

                const og = got.extend({ prefixUrl: process.env.OG_URL });
                export const product = (id: string) => og.get(`products/${id}/`);
                export const batch = () => got('https://api.og.example/products-batch/create/', { method: 'POST' });
                export const hook = () => request.post('https://hooks.example/v1/notify');
                export const legacy = () => nodeFetch('https://legacy.example/api/items', { method: 'GET', headers: new Headers() });
                export const notHttp = () => cache.get('/v1/not-an-endpoint');
                """));

        Assert.Equal(
            [
                "src/others.ts:6 GET /products/{id}/ @ env:OG_URL",
                "src/others.ts:7 POST /products-batch/create/ @ https://api.og.example",
                "src/others.ts:8 POST /v1/notify @ https://hooks.example",
                "src/others.ts:9 GET /api/items @ https://legacy.example",
                "src/psp.js:10 POST /v1/charges @ env:PSP_URL",
                "src/psp.js:11 POST /v1/charges/{id}/refunds @ env:PSP_URL",
                "src/psp.js:12 HEAD /v1/{id} @ https://status.psp.example",
            ],
            endpoints);
    }

    [Fact]
    public async Task GeneratedOpenApiOperationsAndAxiosConfigsHeldInAVariable()
    {
        var endpoints = await InventoryAsync(
            ("src/paypal/payments_api.ts", """
                import globalAxios from 'axios';
                export const PaymentsApiAxiosParamCreator = function (configuration?: Configuration) {
                  return {
                    capturesGet: async (captureId: string, options: RawAxiosRequestConfig = {}): Promise<RequestArgs> => {
                      const localVarPath = `/v2/payments/captures/{capture_id}`.replace(`{${'capture_id'}}`, encodeURIComponent(String(captureId)));
                      const localVarUrlObj = new URL(localVarPath, DUMMY_BASE_URL);
                      const localVarRequestOptions = { method: 'GET', ...baseOptions, ...options };
                      return { url: toPathString(localVarUrlObj), options: localVarRequestOptions };
                    },
                    capturesRefund: async (captureId: string, options: RawAxiosRequestConfig = {}): Promise<RequestArgs> => {
                      const localVarPath = `/v2/payments/captures/{capture_id}/refund`.replace(`{${'capture_id'}}`, encodeURIComponent(String(captureId)));
                      const localVarRequestOptions = { method: 'POST', ...baseOptions, ...options };
                      return { url: toPathString(localVarUrlObj), options: localVarRequestOptions };
                    },
                  };
                };
                export const createRequestFunction = function (axiosArgs: RequestArgs, globalAxios: AxiosInstance, BASE_PATH: string, configuration?: Configuration) {
                  return <T = unknown, R = AxiosResponse<T>>(axios: AxiosInstance = globalAxios, basePath: string = BASE_PATH) => {
                    const axiosRequestArgs = { ...axiosArgs.options, url: (configuration?.basePath || basePath) + axiosArgs.url };
                    return axios.request<T, R>(axiosRequestArgs);
                  };
                };
                """),
            ("src/apis/PetApi.ts", """
                export class PetApi extends runtime.BaseAPI {
                  async getPetByIdRaw(requestParameters: GetPetByIdRequest): Promise<runtime.ApiResponse<Pet>> {
                    const response = await this.request({
                      path: `/pet/{petId}`.replace(`{${"petId"}}`, encodeURIComponent(String(requestParameters.petId))),
                      method: 'GET',
                      headers: headerParameters,
                    }, initOverrides);
                    return new runtime.JSONApiResponse(response);
                  }
                }
                """),
            ("src/service/paypal.service.ts", """
                import axios from 'axios';
                export async function getClientToken() {
                  const options = {
                    method: 'POST',
                    url: `${getAPIEndpoint()}/v1/identity/generate-token`,
                    headers: { Authorization: `Bearer ${token}` },
                  };
                  const response = await axios.request(options);
                  return response.data.client_token;
                }
                """));

        Assert.Equal(
            [
                "src/apis/PetApi.ts:3 GET /pet/{petId}",
                "src/paypal/payments_api.ts:5 GET /v2/payments/captures/{capture_id}",
                "src/paypal/payments_api.ts:11 POST /v2/payments/captures/{capture_id}/refund",
                "src/paypal/payments_api.ts:20 ? (configuration?.basePath || basePath) + axiosArgs.url",
                "src/service/paypal.service.ts:8 POST /v1/identity/generate-token @ getAPIEndpoint()",
            ],
            endpoints);
    }

    [Fact]
    public async Task ALocalIsNotSeenInsideAnotherFunctionThatTakesAParameterOfItsName()
    {
        var endpoints = await InventoryAsync(("src/helpers.ts", """
            export async function first() {
              const url = 'https://api.example/v1/first';
              return fetch(url);
            }

            export async function second(url: string) {
              return fetch(url, { method: 'POST' });
            }
            """));

        Assert.Equal(["src/helpers.ts:3 GET /v1/first @ https://api.example", "src/helpers.ts:7 POST url"], endpoints);
    }

    [Fact]
    public void HalfTypedCodeEndsWithoutARowItCannotRead()
    {
        // A template cut off inside its second hole: its middle part pairs only with the head, the call's bracket still closes.
        var extraction = Task.Run(() => ScriptEndpointExtractor.Extract("src/draft.ts", "fetch(`${base}/orders/${id)"));
        Assert.True(extraction.Wait(TimeSpan.FromSeconds(30)), "the extractor did not finish");
        var row = Assert.Single(extraction.Result);
        Assert.Equal(("GET", (string?)null, "`${base}/orders/${id"), (row.Method, row.Path, row.Expression));

        var unclosed = ScriptEndpointExtractor.Extract("src/draft.ts", "export const pay = () => fetch('https://psp.example/v1/pay', { method: 'POST'");
        Assert.Empty(unclosed);
    }

    [Fact]
    public async Task ABuiltBundleGivesNoRow()
    {
        var endpoints = await InventoryAsync(
            ("package.json", """{ "name": "enabler", "version": "1.0.0", "scripts": { "build": "vite build" } }"""),
            ("src/main.ts", "export const pay = () => fetch('https://psp.example/v1/pay', { method: 'POST' });\n"),
            ("dist/connector-enabler.es.js", "const pay = () => fetch('https://psp.example/v1/pay', { method: 'POST' });\nexport { pay };\n"),
            ("public/vendor.min.js", "var a=function(){return fetch(\"https://psp.example/v1/pay\",{method:\"POST\"})};" + new string(' ', 10) + "var b=function(){return fetch(\"https://cdn.example/x\")};\n"));

        Assert.Equal(["src/main.ts:1 POST /v1/pay @ https://psp.example"], endpoints);
    }
}
