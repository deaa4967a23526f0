using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using LambdaSample.Services;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaSample;

/// <summary>
/// The dependency-injection container, built once per execution environment (a static initializer is init code).
/// Every client is registered as a singleton, so handlers reuse it across invocations. No LBP101 here.
/// </summary>
public static class Startup
{
    public static IServiceProvider Services { get; } = ConfigureServices(new ServiceCollection()).BuildServiceProvider();

    public static IServiceCollection ConfigureServices(IServiceCollection services)
    {
        // Compliant: DI registrations run once; the factory lambda runs when the singleton is first resolved.
        services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
        services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client());
        services.AddSingleton<IAmazonSQS>(_ => new AmazonSQSClient());

        // Compliant: IHttpClientFactory pools and recycles handlers; see ExchangeRateClient.
        services.AddHttpClient(ExchangeRateClient.HttpClientName, client => client.BaseAddress = new Uri("https://rates.example.com/"));

        services.AddSingleton<OrderRepository>();
        services.AddSingleton<ExchangeRateClient>();
        services.AddSingleton<AuditTrail>();
        return services;
    }
}
