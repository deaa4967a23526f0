using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP303DontLogSecretsRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP303DontLogSecretsAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Diagnostics;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.SecretsManager;
        using Amazon.SecretsManager.Model;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;
        using Microsoft.Extensions.Logging;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static DiagnosticResult Logged(int location, string secret, string sink) =>
        Verify.Diagnostic(Descriptors.LBP303_DontLogSecrets).WithLocation(location).WithArguments(secret, sink);

    private static string Variable(string name) => "The value of environment variable '" + name + "'";

    // ---- flagged ----

    [Fact]
    public Task SecretNamedVariablesWrittenToEveryKindOfLog_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly string ApiKey = Environment.GetEnvironmentVariable("PAYMENT_API_KEY") ?? "";
            private readonly ILogger<Function> _logger;

            public Function(ILogger<Function> logger) => _logger = logger;

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var password = Environment.GetEnvironmentVariable("DB_PASSWORD");
                context.Logger.LogInformation({|#0:$"connecting with {password}"|});
                context.Logger.LogLine({|#1:"key: " + ApiKey|});
                LambdaLogger.Log({|#2:ApiKey|});
                Console.WriteLine({|#3:password|});
                _logger.LogWarning("Using key {Key}", {|#5:ApiKey|});
                Debug.WriteLine({|#6:ApiKey.Trim()|});
                return Task.CompletedTask;
            }
        }
        """,
        Logged(0, Variable("DB_PASSWORD"), "ILambdaLogger.LogInformation"),
        Logged(1, Variable("PAYMENT_API_KEY"), "ILambdaLogger.LogLine"),
        Logged(2, Variable("PAYMENT_API_KEY"), "LambdaLogger.Log"),
        Logged(3, Variable("DB_PASSWORD"), "Console.WriteLine"),
        Logged(5, Variable("PAYMENT_API_KEY"), "LoggerExtensions.LogWarning"),
        Logged(6, Variable("PAYMENT_API_KEY"), "Debug.WriteLine"));

    [Fact]
    public Task SecretsReadFromStores_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static string? s_token;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var secret = await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db" });
                context.Logger.LogInformation({|#0:$"secret: {secret.SecretString}"|});

                var request = new GetParameterRequest { Name = "/orders/token" };
                request.WithDecryption = true;
                s_token ??= (await Ssm.GetParameterAsync(request)).Parameter.Value;
                context.Logger.LogDebug({|#1:s_token|});
            }
        }
        """,
        Logged(0, "The secret read by 'GetSecretValueAsync'", "ILambdaLogger.LogInformation"),
        Logged(1, "The secret read by 'GetParameterAsync'", "ILambdaLogger.LogDebug"));

    // ---- not flagged ----

    [Fact]
    public Task NamesMasksAndPlainSettings_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly string ApiKey = Environment.GetEnvironmentVariable("PAYMENT_API_KEY") ?? "";
            private static readonly string Table = Environment.GetEnvironmentVariable("TABLE_NAME") ?? "";
            private static readonly string SecretArn = Environment.GetEnvironmentVariable("DB_SECRET_ARN") ?? "";

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                context.Logger.LogInformation("PAYMENT_API_KEY is set");
                context.Logger.LogInformation($"key length {ApiKey.Length}, ends with {ApiKey.Substring(ApiKey.Length - 4)}");
                context.Logger.LogInformation($"table {Table}, secret {SecretArn}");
                Console.WriteLine(Mask(ApiKey));
                await Task.CompletedTask;
            }

            private static string Mask(string value) => new string('*', value.Length);
        }
        """);

    [Fact]
    public Task ParameterReadWithoutDecryption_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly string ModeParameter = Environment.GetEnvironmentVariable("MODE_PARAMETER") ?? "";

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var plain = await Ssm.GetParameterAsync(new GetParameterRequest { Name = ModeParameter });
                context.Logger.LogInformation($"mode {plain.Parameter.Value}");
            }
        }
        """);

    [Fact]
    public async Task TestCode_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class FunctionTests
                {
                    public void Run()
                    {
                        Console.WriteLine(Environment.GetEnvironmentVariable("DB_PASSWORD"));
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task NotALambdaProject_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;

        public class Tool
        {
            public void Run() => Console.WriteLine(Environment.GetEnvironmentVariable("DB_PASSWORD"));
        }
        """, Stubs.None);

    // ---- broken and incomplete code ----

    [Fact]
    public Task BrokenCode_DoesNotThrow() => VerifyAsync("""
        public class Function
        {
            private static readonly string Key = {|CS0103:Missing|}.GetEnvironmentVariable("API_KEY");

            public Task Handle(SQSEvent evt, ILambdaContext context)
            {
                context.Logger.LogInformation(Key);
                Console.WriteLine({|CS0103:Unknown|});
                context.Logger.{|CS1501:LogInformation|}();
                Console.WriteLine(Environment.{|CS1501:GetEnvironmentVariable|}());
                return Task.CompletedTask;
            }
        }
        """);
}
