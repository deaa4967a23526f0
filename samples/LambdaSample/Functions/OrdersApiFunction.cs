using System.Globalization;
using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using LambdaSample.Models;
using LambdaSample.Services;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaSample.Functions;

/// <summary>
/// API Gateway (REST, proxy integration) function: <c>GET /orders/{id}?currency=USD</c>.
/// Handler: <c>LambdaSample::LambdaSample.Functions.OrdersApiFunction::FunctionHandler</c>.
/// </summary>
public class OrdersApiFunction
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly ExchangeRateClient _rates;

    public OrdersApiFunction()
    {
        // Compliant: the helper runs only from the constructor, i.e. once per execution environment.
        _dynamo = CreateDynamoClient();
        _rates = Startup.Services.GetRequiredService<ExchangeRateClient>();
    }

    public async Task<APIGatewayProxyResponse> FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context)
    {
        if (request.PathParameters is null || !request.PathParameters.TryGetValue("id", out var id))
        {
            return Respond(HttpStatusCode.BadRequest, new { error = "missing order id" });
        }

        // Non-compliant: a DynamoDBContext per invocation, in the handler body. (The constructor is [Obsolete] in
        // AWSSDK.DynamoDBv2 4.x in favour of DynamoDBContextBuilder, but v3-era code is full of it.)
#pragma warning disable CS0618
        var db = new DynamoDBContext(_dynamo); // LBP101
#pragma warning restore CS0618
        var order = await db.LoadAsync<Order>(id);
        if (order is null)
        {
            return Respond(HttpStatusCode.NotFound, new { error = $"order {id} not found" });
        }

        var currency = request.QueryStringParameters is { } query && query.TryGetValue("currency", out var requested)
            ? requested
            : order.Currency;
        var rate = currency == order.Currency ? 1m : await _rates.GetRateAsync(currency);
        var legacyRate = await GetLegacyRateAsync(currency);
        // Non-compliant: the caller is kept in a static field for the log line; the next request in this execution
        // environment (or a concurrent one) reads another caller's address as its own.
        s_lastCaller = request.RequestContext.Identity.SourceIp; // LBP205

        // Compliant: a counter for metrics is request-independent.
        s_requestsServed++;
        context.Logger.LogInformation($"rate {rate}, legacy rate {legacyRate}, caller {s_lastCaller}, request {s_requestsServed}");

        // Non-compliant: the audit record is sent in the background; the environment freezes when the response is returned.
        _ = Startup.Services.GetRequiredService<AuditTrail>().RecordAsync($"order {id} read"); // LBP203

        return Respond(HttpStatusCode.OK, new { order.Id, order.CustomerId, Amount = order.Amount * rate, Currency = currency });
    }

    private static IAmazonDynamoDB CreateDynamoClient() =>
        new AmazonDynamoDBClient(new AmazonDynamoDBConfig { MaxErrorRetry = 2 });

    private static async Task<decimal> GetLegacyRateAsync(string currency)
    {
        // Non-compliant: a helper of the handler creates an HttpClient per call (socket exhaustion under load).
        var http = new HttpClient(); // LBP101

        // Non-compliant: the endpoint is fetched from Parameter Store on every call (a round trip and an API call per request).
        var endpoint = await Ssm.GetParameterAsync(new GetParameterRequest { Name = LegacyRatesEndpointParameter }); // LBP102
        http.DefaultRequestHeaders.Add("X-Api-Key", await GetRatesApiKeyAsync());
        var text = await http.GetStringAsync($"{endpoint.Parameter.Value}/{Uri.EscapeDataString(currency)}");
        return decimal.Parse(text, CultureInfo.InvariantCulture);
    }

    // Compliant: fetched once per execution environment (lazy initialization into a static field).
    private static async Task<string> GetRatesApiKeyAsync() =>
        s_ratesApiKey ??= (await Ssm.GetParameterAsync(new GetParameterRequest { Name = RatesApiKeyParameter, WithDecryption = true })).Parameter.Value;

    private static APIGatewayProxyResponse Respond(HttpStatusCode status, object body) =>
        new()
        {
            StatusCode = (int)status,
            Body = JsonSerializer.Serialize(body),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        };

    private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
    private static readonly string LegacyRatesEndpointParameter = Environment.GetEnvironmentVariable("LEGACY_RATES_ENDPOINT_PARAMETER") ?? "";
    private static readonly string RatesApiKeyParameter = Environment.GetEnvironmentVariable("RATES_API_KEY_PARAMETER") ?? "";
    private static string? s_ratesApiKey;
    private static string? s_lastCaller;
    private static int s_requestsServed;
}
