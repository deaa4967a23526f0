using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Amazon.S3;

namespace LambdaSample.Services;

/// <summary>
/// Talks to a payment provider and archives receipts in a partner's bucket. Shows LBP301 (secrets in plain environment
/// variables) and LBP302 (hard-coded AWS credentials) next to their compliant forms. Every key and secret below is made
/// up, or AWS's documented example key.
/// </summary>
public sealed class PaymentGateway
{
    // Non-compliant: the API key sits in a plain environment variable and is used as is.
    private static readonly string ApiKey = Environment.GetEnvironmentVariable("PAYMENT_API_KEY") ?? ""; // LBP301

    // Compliant: names that point at a secret, and settings that are not secret material.
    private static readonly string? ApiKeySecretId = Environment.GetEnvironmentVariable("PAYMENT_API_KEY_SECRET_ID");
    private static readonly int TokenTtlSeconds = int.Parse(Environment.GetEnvironmentVariable("TOKEN_TTL_SECONDS") ?? "300", CultureInfo.InvariantCulture);

    // Compliant: a KMS-encrypted variable, decrypted in code (see DecryptWebhookSecretAsync).
    private static readonly string EncryptedWebhookSecret = Environment.GetEnvironmentVariable("WEBHOOK_SECRET") ?? "";

    // Non-compliant: the partner's access keys are in the code; the execution role should be used (or a role to assume).
    private static readonly IAmazonS3 PartnerArchive =
        new AmazonS3Client(new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")); // LBP302

    // Compliant: placeholder keys for a local emulator (shorter than any real access key ID).
    private static readonly IAmazonS3 LocalArchive = new AmazonS3Client(
        new BasicAWSCredentials("test", "test"),
        new AmazonS3Config { ServiceURL = "http://localhost:4566", ForcePathStyle = true });

    private static readonly string ReceiptsBucket = Environment.GetEnvironmentVariable("RECEIPTS_BUCKET") ?? "";

    private static readonly IAmazonKeyManagementService Kms = new AmazonKeyManagementServiceClient();

    private readonly HttpClient _http;

    public PaymentGateway(HttpClient http) => _http = http;

    public async Task<string> ChargeAsync(string orderId, decimal amount)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://payments.example.com/charges")
        {
            Content = new StringContent($"{{\"order\":\"{orderId}\",\"amount\":{amount.ToString(CultureInfo.InvariantCulture)}}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        request.Headers.Add("X-Key-Reference", ApiKeySecretId ?? "unset");
        request.Headers.Add("X-Token-Ttl", TokenTtlSeconds.ToString(CultureInfo.InvariantCulture));
        using var response = await _http.SendAsync(request);
        var receipt = await response.Content.ReadAsStringAsync();

        var archive = Environment.GetEnvironmentVariable("LOCAL_ARCHIVE") == "true" ? LocalArchive : PartnerArchive;
        await archive.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = ReceiptsBucket, Key = orderId, ContentBody = receipt });

        // Compliant: whether the key is set, not the key.
        Console.WriteLine($"charged {orderId}, key set: {ApiKey.Length > 0}");

        // Non-compliant: a debugging line left in, which writes the API key into the function's log.
        Console.WriteLine($"charged {orderId} with key {ApiKey}"); // LBP303
        return receipt;
    }

    public static async Task<string> DecryptWebhookSecretAsync()
    {
        var response = await Kms.DecryptAsync(new DecryptRequest
        {
            CiphertextBlob = new MemoryStream(Convert.FromBase64String(EncryptedWebhookSecret)),
            EncryptionContext = new Dictionary<string, string>
            {
                ["LambdaFunctionName"] = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? "",
            },
        });
        return Encoding.UTF8.GetString(response.Plaintext.ToArray());
    }
}
