using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LambdaBestPractices.Analyzers.Rules.LBP303DontLogSecretsRule,
    LambdaBestPractices.Analyzers.CodeFixes.LBP303LogAMaskedFormCodeFixProvider>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP303LogAMaskedFormCodeFixProviderTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.SecretsManager;
        using Amazon.SecretsManager.Model;
        using Microsoft.Extensions.Logging;

        """;

    private static Task VerifyFixAsync(string source, string fixedSource) =>
        Verify.VerifyCodeFixAsync(Usings + source, Usings + fixedSource, LBP303LogAMaskedFormCodeFixProvider.EquivalenceKey);

    private static Task VerifyNoFixAsync(string source) => Verify.VerifyNoCodeFixAsync(Usings + source);

    [Fact]
    public Task ArgumentsHolesAndOperands_BecomeAMaskedForm_KeepingComments() => VerifyFixAsync("""
        public class Function
        {
            private static readonly string ApiKey = Environment.GetEnvironmentVariable("PAYMENT_API_KEY") ?? "";
            private readonly ILogger<Function> _logger;

            public Function(ILogger<Function> logger) => _logger = logger;

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var password = Environment.GetEnvironmentVariable("DB_PASSWORD");

                // connection details
                context.Logger.LogInformation({|LBP303:$"connecting with {password} as {evt.Records.Count}"|}); // debug only
                context.Logger.LogLine({|LBP303:"key: " + ApiKey|});
                Console.WriteLine({|LBP303:password|});
                _logger.LogWarning("Using key {Key}", {|LBP303:ApiKey.Trim()|});
                return Task.CompletedTask;
            }
        }
        """, """
        public class Function
        {
            private static readonly string ApiKey = Environment.GetEnvironmentVariable("PAYMENT_API_KEY") ?? "";
            private readonly ILogger<Function> _logger;

            public Function(ILogger<Function> logger) => _logger = logger;

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var password = Environment.GetEnvironmentVariable("DB_PASSWORD");

                // connection details
                context.Logger.LogInformation($"connecting with {(string.IsNullOrEmpty(password) ? "(empty)" : "***")} as {evt.Records.Count}"); // debug only
                context.Logger.LogLine("key: " + (string.IsNullOrEmpty(ApiKey) ? "(empty)" : "***"));
                Console.WriteLine(string.IsNullOrEmpty(password) ? "(empty)" : "***");
                _logger.LogWarning("Using key {Key}", string.IsNullOrEmpty(ApiKey.Trim()) ? "(empty)" : "***");
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task AwaitedSecretAndCoalesce_AreReadOnce() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();
            private static readonly string TokenSecretId = Environment.GetEnvironmentVariable("TOKEN_SECRET_ID") ?? "";

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                Console.WriteLine({|LBP303:$"token {(await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = TokenSecretId })).SecretString}"|});
                var fallback = (await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = TokenSecretId })).SecretString;
                Console.WriteLine({|LBP303:$"{fallback ?? "none"}"|});
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();
            private static readonly string TokenSecretId = Environment.GetEnvironmentVariable("TOKEN_SECRET_ID") ?? "";

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                Console.WriteLine($"token {(string.IsNullOrEmpty((await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = TokenSecretId })).SecretString) ? "(empty)" : "***")}");
                var fallback = (await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = TokenSecretId })).SecretString;
                Console.WriteLine($"{(string.IsNullOrEmpty(fallback ?? "none") ? "(empty)" : "***")}");
            }
        }
        """);

    [Fact]
    public Task EverySecretOfAMessage_IsMasked() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();
            private static readonly string TokenSecretId = Environment.GetEnvironmentVariable("TOKEN_SECRET_ID") ?? "";
            private static readonly string DbSecretId = Environment.GetEnvironmentVariable("DB_SECRET_ID") ?? "";

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var token = (await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = TokenSecretId })).SecretString;
                var db = (await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = DbSecretId })).SecretString;
                Console.WriteLine({|LBP303:$"db {db} token {token}"|});
                Console.WriteLine({|LBP303:"db " + db + " token " + token|});
            }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();
            private static readonly string TokenSecretId = Environment.GetEnvironmentVariable("TOKEN_SECRET_ID") ?? "";
            private static readonly string DbSecretId = Environment.GetEnvironmentVariable("DB_SECRET_ID") ?? "";

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var token = (await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = TokenSecretId })).SecretString;
                var db = (await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = DbSecretId })).SecretString;
                Console.WriteLine($"db {(string.IsNullOrEmpty(db) ? "(empty)" : "***")} token {(string.IsNullOrEmpty(token) ? "(empty)" : "***")}");
                Console.WriteLine("db " + (string.IsNullOrEmpty(db) ? "(empty)" : "***") + " token " + (string.IsNullOrEmpty(token) ? "(empty)" : "***"));
            }
        }
        """);

    [Fact]
    public Task MessageComposedInALocal_HasNoFix() => VerifyNoFixAsync("""
        public class Function
        {
            public void Handle(SQSEvent evt, ILambdaContext context)
            {
                var password = Environment.GetEnvironmentVariable("DB_PASSWORD");
                var line = $"connecting with {password}";
                Console.WriteLine({|LBP303:line|});
            }
        }
        """);
}
