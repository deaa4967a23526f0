using System.Globalization;

namespace LambdaSample.Services;

/// <summary>
/// Calls an exchange-rate HTTP API. Compliant: the HttpClient comes from IHttpClientFactory (pooled handlers),
/// which is the right way to get one per call.
/// </summary>
public sealed class ExchangeRateClient
{
    public const string HttpClientName = "rates";

    private readonly IHttpClientFactory _httpClientFactory;

    public ExchangeRateClient(IHttpClientFactory httpClientFactory)
    {
        _httpClientFactory = httpClientFactory;
    }

    public async Task<decimal> GetRateAsync(string currency, CancellationToken cancellationToken = default)
    {
        var http = _httpClientFactory.CreateClient(HttpClientName);
        var text = await http.GetStringAsync($"latest?to={Uri.EscapeDataString(currency)}", cancellationToken);
        return decimal.Parse(text, CultureInfo.InvariantCulture);
    }
}
