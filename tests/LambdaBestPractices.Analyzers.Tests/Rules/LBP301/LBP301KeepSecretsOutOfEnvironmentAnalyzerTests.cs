using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP301KeepSecretsOutOfEnvironmentRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP301KeepSecretsOutOfEnvironmentAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        using Amazon.KeyManagementService;
        using Amazon.KeyManagementService.Model;
        using Amazon.Lambda.Core;

        """;

    private const string CdkUsings = """
        using System;
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static Task VerifyCdkAsync(string source, Stubs stubs = Stubs.Cdk) =>
        Verify.VerifyAnalyzerAsync(CdkUsings + source, stubs);

    private static DiagnosticResult Secret(int location, string name) =>
        Verify.Diagnostic(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables).WithLocation(location).WithArguments(name);

    // ---- GetEnvironmentVariable: flagged ----

    [Fact]
    public Task ReadOfSecretUsedAsPlaintext_Reports() => VerifyAsync("""
        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                var password = {|#0:Environment.GetEnvironmentVariable("DB_PASSWORD")|};
                return "Server=db;Password=" + password;
            }
        }
        """, Secret(0, "DB_PASSWORD"));

    [Fact]
    public Task ReadInStaticFieldInitializer_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly string ApiKey = {|#0:Environment.GetEnvironmentVariable("STRIPE_API_KEY")|} ?? "";

            public string Handle(string input, ILambdaContext context) => ApiKey;
        }
        """, Secret(0, "STRIPE_API_KEY"));

    /// <summary>
    /// Init code reads secrets in plain text too (issue 16): a DI registration lambda, a static constructor and an instance
    /// constructor. Running once per execution environment does not make an environment variable a secret store.
    /// </summary>
    [Fact]
    public Task ReadsInInitCode_Report() => VerifyAsync("""
        public class SqlConnection
        {
            public SqlConnection(string connectionString) { }
        }

        public static class Startup
        {
            public static Microsoft.Extensions.DependencyInjection.IServiceCollection Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
                Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(
                    services, _ => new SqlConnection({|#0:Environment.GetEnvironmentVariable("CONNECTION_STRING")|}!));
        }

        public class Function
        {
            private static readonly string s_token;
            private readonly string _apiKey;

            static Function() => s_token = {|#1:Environment.GetEnvironmentVariable("GITHUB_TOKEN")|} ?? "";

            public Function() => _apiKey = {|#2:Environment.GetEnvironmentVariable("STRIPE_API_KEY")|} ?? "";

            public string Handle(string input, ILambdaContext context) => s_token + _apiKey;
        }
        """, Secret(0, "CONNECTION_STRING"), Secret(1, "GITHUB_TOKEN"), Secret(2, "STRIPE_API_KEY"));

    [Fact]
    public Task NameFromConstAndStaticReadonlyLiteral_Reports() => VerifyAsync("""
        public static class Settings
        {
            private const string TokenVariable = "GITHUB_TOKEN";
            private static readonly string SecretVariable = "ClientSecret";

            public static string? Token => {|#0:Environment.GetEnvironmentVariable(TokenVariable)|};

            public static string? Secret() => {|#1:Environment.GetEnvironmentVariable(SecretVariable, EnvironmentVariableTarget.Process)|};
        }
        """, Secret(0, "GITHUB_TOKEN"), Secret(1, "ClientSecret"));

    /// <summary>The engine's one definition of a constant string: a local written once, a get-only property, an interpolation.</summary>
    [Fact]
    public Task NameFromALocalPropertyOrInterpolation_Reports() => VerifyAsync("""
        public class Function
        {
            private static string TokenVariable { get; } = "GITHUB_TOKEN";

            public string Handle(string input, ILambdaContext context)
            {
                var variable = "DB_PASSWORD";
                var prefix = "ORDERS";
                return {|#0:Environment.GetEnvironmentVariable(variable)|} + {|#1:Environment.GetEnvironmentVariable(TokenVariable)|}
                    + {|#2:Environment.GetEnvironmentVariable($"{prefix}_API_KEY")|};
            }
        }
        """, Secret(0, "DB_PASSWORD"), Secret(1, "GITHUB_TOKEN"), Secret(2, "ORDERS_API_KEY"));

    [Fact]
    public Task NameFromALocalWrittenTwiceOrAParameter_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public string? Handle(string input, ILambdaContext context)
            {
                var variable = "DB_PASSWORD";
                variable = input;
                return Environment.GetEnvironmentVariable(variable) + Environment.GetEnvironmentVariable($"{input}_PASSWORD");
            }
        }
        """);

    [Theory]
    [InlineData("dbPassword")]
    [InlineData("Db.Password")]
    [InlineData("db-password")]
    [InlineData("ConnectionStrings__Orders")]
    [InlineData("PRIVATE_KEY")]
    [InlineData("SERVICE_CREDENTIALS")]
    [InlineData("DB_CONNECTION")]
    [InlineData("REDIS_CONN")]
    [InlineData("PG_DSN")]
    [InlineData("DBCONNECTIONSTRING")]
    [InlineData("DATABASE_URL")]
    public Task ReadOfOtherSpellings_Reports(string name) => VerifyAsync($$"""
        public class Function
        {
            public string? Handle(string input, ILambdaContext context) => {|#0:Environment.GetEnvironmentVariable("{{name}}")|};
        }
        """, Secret(0, name));

    /// <summary>
    /// A variable whose name says nothing (even an empty placeholder), read into a local, field or property named like a
    /// secret or passed as a connection string (issue 16). The message names the variable and where it goes, never a value.
    /// </summary>
    [Fact]
    public Task ReadIntoASecretNamedDestination_Reports() => VerifyAsync("""
        public class SqlConnection
        {
            public SqlConnection(string connectionString) { }
        }

        public class Options
        {
            public string? ClientSecret { get; set; }
        }

        public class Function
        {
            private readonly string _apiKey = {|#0:Environment.GetEnvironmentVariable("")|} ?? "";

            public object Handle(string input, ILambdaContext context)
            {
                var password = {|#1:Environment.GetEnvironmentVariable("VALUE")|};
                var connection = new SqlConnection({|#2:Environment.GetEnvironmentVariable("DB")|}!);
                var options = new Options { ClientSecret = {|#3:Environment.GetEnvironmentVariable("SETTING_A")|} };
                return password + _apiKey + connection + options;
            }
        }
        """,
        Secret(0, "' read into '_apiKey"),
        Secret(1, "VALUE' read into 'password"),
        Secret(2, "DB' read into 'connectionString"),
        Secret(3, "SETTING_A' read into 'ClientSecret"));

    /// <summary>
    /// Its look-alikes: a destination named like a pointer or named for nothing, a variable whose own name is a pointer or a
    /// setting, and a value that is parsed or decrypted on the way.
    /// </summary>
    [Fact]
    public Task ReadIntoPointerOrPlainDestination_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static string Decrypt(string encryptedPassword) => encryptedPassword;

            public string Handle(string input, ILambdaContext context)
            {
                var passwordParameter = Environment.GetEnvironmentVariable("VALUE");
                var region = Environment.GetEnvironmentVariable("VALUE");
                var password = Environment.GetEnvironmentVariable("DB_PASSWORD_SECRET_ARN");
                var tokenTtl = Environment.GetEnvironmentVariable("SETTING_B");
                var apiKey = Decrypt(Environment.GetEnvironmentVariable("VALUE")!);
                var passwordLength = int.Parse(Environment.GetEnvironmentVariable("VALUE")!);
                var secretPrefix = Environment.GetEnvironmentVariable("SSM_PREFIX");
                var credentialsProfile = Environment.GetEnvironmentVariable("PROFILE");
                return passwordParameter + region + password + tokenTtl + apiKey + passwordLength + secretPrefix + credentialsProfile;
            }
        }
        """);

    /// <summary>Connection-shaped look-alikes: a setting about the connection, a pointer at the secret holding it, a count.</summary>
    [Fact]
    public Task ReadOfConnectionSettingsAndPointers_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public string Handle(string input, ILambdaContext context) =>
                Environment.GetEnvironmentVariable("DB_CONNECTION_TIMEOUT")
                + Environment.GetEnvironmentVariable("DB_PASSWORD_SECRET_ARN")
                + Environment.GetEnvironmentVariable("DATABASE_URL_PARAMETER")
                + Environment.GetEnvironmentVariable("MAX_CONNECTIONS")
                + Environment.GetEnvironmentVariable("WEBHOOK_URL");
        }
        """);

    [Fact]
    public Task ReadComparedWithARequestValue_Reports() => VerifyAsync("""
        public class Function
        {
            public bool Handle(string apiKeyHeader, ILambdaContext context) =>
                {|#0:Environment.GetEnvironmentVariable("API_KEY")|} == apiKeyHeader;
        }
        """, Secret(0, "API_KEY"));

    [Fact]
    public Task ReadDecodedFromBase64ButNeverDecrypted_Reports() => VerifyAsync("""
        public class Function
        {
            public string Handle(string input, ILambdaContext context)
            {
                var bytes = Convert.FromBase64String({|#0:Environment.GetEnvironmentVariable("DB_PASSWORD")|}!);
                return Encoding.UTF8.GetString(bytes);
            }
        }
        """, Secret(0, "DB_PASSWORD"));

    [Fact]
    public async Task ReadInTopLevelStatements_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                var password = {|#0:Environment.GetEnvironmentVariable("DB_PASSWORD")|};
                Console.WriteLine(password is null ? "missing" : "set");

                public class Function
                {
                    public void Handle(string input, ILambdaContext context) { }
                }
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Secret(0, "DB_PASSWORD"));
        await test.RunAsync();
    }

    // ---- GetEnvironmentVariable: decrypted, parsed or only tested (silent) ----

    [Fact]
    public Task ReadDecryptedWithKmsInline_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonKeyManagementService Kms = new AmazonKeyManagementServiceClient();

            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var response = await Kms.DecryptAsync(new DecryptRequest
                {
                    CiphertextBlob = new MemoryStream(Convert.FromBase64String(Environment.GetEnvironmentVariable("DB_PASSWORD")!)),
                });
                return Encoding.UTF8.GetString(response.Plaintext.ToArray());
            }
        }
        """);

    [Fact]
    public Task ReadDecryptedThroughLocalsAndAssignment_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var encrypted = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? throw new InvalidOperationException("DB_PASSWORD is not set");
                var bytes = Convert.FromBase64String(encrypted.Trim());
                var request = new DecryptRequest();
                request.CiphertextBlob = new MemoryStream(bytes);
                using var kms = new AmazonKeyManagementServiceClient();
                var response = await kms.DecryptAsync(request);
                return Encoding.UTF8.GetString(response.Plaintext.ToArray());
            }
        }
        """);

    [Fact]
    public Task ReadInFieldDecryptedInAnotherMember_DoesNotReport() => VerifyAsync("""
        public partial class Function
        {
            private static readonly string EncryptedApiKey = Environment.GetEnvironmentVariable("API_KEY")!;

            public async Task<string> Handle(string input, ILambdaContext context) => await DecodeAsync(EncryptedApiKey);
        }

        public partial class Function
        {
            private static async Task<string> DecodeAsync(string cipherText)
            {
                using var kms = new AmazonKeyManagementServiceClient();
                var response = await kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(Convert.FromBase64String(cipherText)) });
                return Encoding.UTF8.GetString(response.Plaintext.ToArray());
            }
        }
        """);

    [Fact]
    public Task ReadPassedToADecryptHelper_DoesNotReport() => VerifyAsync("""
        public static class Crypto
        {
            public static Task<string> DecryptAsync(string cipherText) => Task.FromResult(cipherText);
        }

        public class Function
        {
            public async Task<string> Handle(string input, ILambdaContext context) =>
                await Crypto.DecryptAsync(Environment.GetEnvironmentVariable("DB_PASSWORD")!);
        }
        """);

    [Fact]
    public Task ReadOfTheVariableNameInTheAwsConsoleSnippet_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly Lazy<Task<string>> Password = new(() => DecodeEnvVar("DB_PASSWORD"));

            public async Task<string> Handle(string input, ILambdaContext context) => await Password.Value;

            private static async Task<string> DecodeEnvVar(string envVarName)
            {
                var encryptedBase64Text = Environment.GetEnvironmentVariable(envVarName);
                var encryptedBytes = Convert.FromBase64String(encryptedBase64Text!);
                using var client = new AmazonKeyManagementServiceClient();
                var response = await client.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(encryptedBytes) });
                return Encoding.UTF8.GetString(response.Plaintext.ToArray());
            }
        }
        """);

    [Fact]
    public Task ReadCachedWithCoalesceAssignmentAndCyclicCopies_DoesNotReportAndTerminates() => VerifyAsync("""
        public class Function
        {
            private static string? s_encrypted;
            private static string? s_copy;

            public async Task<string> Handle(string input, ILambdaContext context)
            {
                s_encrypted ??= Environment.GetEnvironmentVariable("DB_PASSWORD");
                s_copy = s_encrypted;
                s_encrypted = s_copy;
                return await DecryptAsync(s_copy!);
            }

            private static Task<string> DecryptAsync(string cipherText) => Task.FromResult(cipherText);
        }
        """);

    [Fact]
    public Task ReadUsedAsTheNameOfASecretOrParameter_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.SecretsManager;
        using Amazon.SecretsManager.Extensions.Caching;
        using Amazon.SecretsManager.Model;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;

        public class Function
        {
            private static readonly SecretsManagerCache Cache = new SecretsManagerCache();
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly string DbSecret = Environment.GetEnvironmentVariable("DB_SECRET")!;

            public async Task<string> Handle(string input, ILambdaContext context)
            {
                var apiKey = await Cache.GetSecretString(Environment.GetEnvironmentVariable("API_KEY")!);
                var db = await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = DbSecret });
                var token = await Ssm.GetParameterAsync(new GetParameterRequest { Name = Environment.GetEnvironmentVariable("SERVICE_TOKEN"), WithDecryption = true });
                return apiKey + db.SecretString + token.Parameter.Value;
            }
        }
        """);

    [Fact]
    public Task ReadParsedAsNumberBooleanOrDuration_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                var lifetime = int.Parse(Environment.GetEnvironmentVariable("TOKEN_LIFETIME") ?? "3600");
                var rotate = bool.TryParse(Environment.GetEnvironmentVariable("ROTATE_SECRET"), out var r) && r;
                var grace = TimeSpan.Parse(Environment.GetEnvironmentVariable("PASSWORD_GRACE")!);
                var retries = Convert.ToInt32(Environment.GetEnvironmentVariable("TOKEN_RETRIES"));
            }
        }
        """);

    [Fact]
    public Task ReadOnlyTestedForPresenceOrAFlagValue_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DB_PASSWORD")))
                {
                    throw new InvalidOperationException("DB_PASSWORD is not set");
                }

                var useApiKey = Environment.GetEnvironmentVariable("USE_API_KEY") == "true";
                var hasToken = Environment.GetEnvironmentVariable("AUTH_TOKEN") is not null;
                var legacy = string.Equals(Environment.GetEnvironmentVariable("LEGACY_TOKEN"), "on", StringComparison.OrdinalIgnoreCase);
            }
        }
        """);

    // ---- GetEnvironmentVariable: names that are not secrets (silent) ----

    [Theory]
    [InlineData("TOKEN_TABLE_NAME")]
    [InlineData("DB_SECRET_ARN")]
    [InlineData("API_KEY_PARAMETER")]
    [InlineData("DB_PASSWORD_SECRET_ID")]
    [InlineData("dbPasswordParameterName")]
    [InlineData("TABLE_NAME")]
    [InlineData("BUCKET")]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("AWS_SESSION_TOKEN")]
    [InlineData("PWD")]
    public Task ReadOfPointerOrNonSecretName_DoesNotReport(string name) => VerifyAsync($$"""
        public class Function
        {
            public string? Handle(string input, ILambdaContext context) => Environment.GetEnvironmentVariable("{{name}}");
        }
        """);

    public static TheoryData<string> ExcludedSuffixes()
    {
        var data = new TheoryData<string>();
        foreach (var suffix in LambdaBestPractices.Analyzers.Model.SecretNames.DefaultExcludedSuffixes)
        {
            data.Add(suffix);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExcludedSuffixes))]
    public Task ReadOfSecretNameWithEachExcludedSuffix_DoesNotReport(string suffix) => VerifyAsync($$"""
        public class Function
        {
            public string? Handle(string input, ILambdaContext context) => Environment.GetEnvironmentVariable("DB_PASSWORD{{suffix}}");
        }
        """);

    [Fact]
    public Task ReadWithNonConstantName_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public string? Handle(string name, ILambdaContext context) => Environment.GetEnvironmentVariable(name + "_PASSWORD");
        }
        """);

    [Fact]
    public Task OtherGetEnvironmentVariableMethod_DoesNotReport() => VerifyAsync("""
        public static class Env
        {
            public static string? GetEnvironmentVariable(string name) => null;
        }

        public class Function
        {
            public string? Handle(string input, ILambdaContext context) => Env.GetEnvironmentVariable("DB_PASSWORD");
        }
        """);

    // ---- SetEnvironmentVariable ----

    [Fact]
    public Task SetSecretToALiteralOrConstant_Reports() => VerifyAsync("""
        public class Function
        {
            private const string Token = "ghp-not-a-real-token";

            public void Handle(string input, ILambdaContext context)
            {
                {|#0:Environment.SetEnvironmentVariable("DB_PASSWORD", "correct horse battery staple")|};
                {|#1:Environment.SetEnvironmentVariable("GITHUB_TOKEN", Token)|};
            }
        }
        """, Secret(0, "DB_PASSWORD"), Secret(1, "GITHUB_TOKEN"));

    [Fact]
    public Task SetSecretToAComputedValueNullOrEmpty_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                Environment.SetEnvironmentVariable("DB_PASSWORD", input);
                Environment.SetEnvironmentVariable("DB_PASSWORD", null);
                Environment.SetEnvironmentVariable("DB_PASSWORD", "");
                Environment.SetEnvironmentVariable("DB_PASSWORD_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db");
                Environment.SetEnvironmentVariable("LOG_LEVEL", "Debug");
            }
        }
        """);

    // ---- projects the rule leaves alone ----

    [Fact]
    public Task NonLambdaProject_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System;

        public class Worker
        {
            public string? Run() => Environment.GetEnvironmentVariable("DB_PASSWORD");
        }
        """, Stubs.None);

    [Fact]
    public async Task TestProject_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class FunctionTests
                {
                    public void Setup(ILambdaContext context)
                    {
                        Environment.SetEnvironmentVariable("DB_PASSWORD", "test-password");
                        var password = Environment.GetEnvironmentVariable("DB_PASSWORD");
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task TestFileMarkedInEditorConfig_DoesNotReport()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/src/Function.cs", Usings + """
            public class Function
            {
                public string? Handle(string input, ILambdaContext context) => {|#0:Environment.GetEnvironmentVariable("DB_PASSWORD")|};
            }
            """));
        test.TestState.Sources.Add(("/src/Fakes/FakeEnvironment.cs", Usings + """
            public class FakeEnvironment
            {
                public string? Read() => Environment.GetEnvironmentVariable("DB_PASSWORD");
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[/src/Fakes/*.cs]\nlambda_best_practices.treat_as_test_project = true\n"));
        test.ExpectedDiagnostics.Add(Secret(0, "DB_PASSWORD"));
        await test.RunAsync();
    }

    // ---- configuration ----

    [Fact]
    public async Task EditorConfigLists_ReplaceTokensAndSuffixesAndAddNames()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    public void Handle(string input, ILambdaContext context)
                    {
                        var salt = {|#0:Environment.GetEnvironmentVariable("ORDER_SIGNING_SALT")|};
                        var password = Environment.GetEnvironmentVariable("DB_PASSWORD");
                        var reference = Environment.GetEnvironmentVariable("ORDER_SIGNING_SALT_REF");
                        var legacy = Environment.GetEnvironmentVariable("LEGACY_SIGNING_SALT");
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            lambda_best_practices.LBP301.secret_tokens = SIGNING_SALT
            lambda_best_practices.LBP301.excluded_suffixes = _REF
            lambda_best_practices.LBP301.excluded_names = LEGACY_SIGNING_SALT
            """));
        test.ExpectedDiagnostics.Add(Secret(0, "ORDER_SIGNING_SALT"));
        await test.RunAsync();
    }

    // ---- AWS CDK ----

    [Fact]
    public Task CdkFunctionPropsEnvironmentInitializers_Report() => VerifyCdkAsync("""
        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                new Function(this, "Api", new FunctionProps
                {
                    Runtime = Runtime.DOTNET_8,
                    Handler = "Api::Api.Function::Handle",
                    Code = Code.FromAsset("publish"),
                    Environment = new Dictionary<string, string>
                    {
                        { "TABLE_NAME", "orders" },
                        { "DB_PASSWORD", {|LBP301:"correct horse battery staple"|} },
                        { "DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" },
                    },
                });

                new Function(this, "Worker", new FunctionProps
                {
                    Runtime = Runtime.DOTNET_8,
                    Handler = "Worker::Worker.Function::Handle",
                    Code = Code.FromAsset("publish"),
                    Environment = new Dictionary<string, string>
                    {
                        ["STRIPE_API_KEY"] = {|LBP301:"sk_test_not_a_real_key"|},
                        ["QUEUE_URL"] = "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                    },
                });
            }
        }
        """);

    [Fact]
    public Task CdkCollectionInitializerOnThePropertyItself_Reports() => VerifyCdkAsync("""
        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                var props = new FunctionProps
                {
                    Runtime = Runtime.DOTNET_8,
                    Handler = "h",
                    Code = Code.FromAsset("publish"),
                    Environment = { ["DB_PASSWORD"] = {|LBP301:"not-a-real-password"|}, ["TABLE_NAME"] = "orders" },
                };
            }
        }
        """);

    [Fact]
    public Task CdkEnvironmentMessage_NamesTheKey() => Verify.VerifyAnalyzerAsync(CdkUsings + """
        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                var fn = new Function(this, "Api", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("publish") });
                fn.AddEnvironment("GITHUB_TOKEN", {|#0:"ghp_not_a_real_token"|});
            }
        }
        """, Stubs.Cdk, Secret(0, "GITHUB_TOKEN"));

    [Fact]
    public Task CdkIndexerAddAndAddEnvironment_Report() => VerifyCdkAsync("""
        public class ApiStack : Stack
        {
            private const string Password = "correct horse battery staple";

            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                var props = new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("publish"), Environment = new Dictionary<string, string>() };
                props.Environment["DB_PASSWORD"] = {|LBP301:Password|};
                props.Environment.Add("clientSecret", {|LBP301:"not-a-real-secret"|});
                props.Environment["LOG_LEVEL"] = "Debug";
                var fn = new Function(this, "Api", props);
                fn.AddEnvironment("API_KEY", {|LBP301:"not-a-real-key"|});
                fn.AddEnvironment("API_KEY_PARAMETER", "/api/key");
                fn.AddEnvironment("TABLE_NAME", "orders");
            }
        }
        """);

    /// <summary>
    /// An environment dictionary built in one method and handed to another that sets the function's environment (its
    /// parameter, or its result, assigned to <c>Environment</c>): reported at compilation end (issue 16). A dictionary
    /// handed to a method that does something else, or returned by a method no environment uses, stays silent.
    /// </summary>
    [Fact]
    public Task CdkDictionaryHandedToAnotherMethod_Reports()
    {
        var test = new Verify.Test { Stubs = Stubs.Cdk, TestCode = CdkUsings + """
            public class ApiStack : Stack
            {
                public ApiStack(Construct scope, string id) : base(scope, id)
                {
                    var environment = new Dictionary<string, string> { ["DB_PASSWORD"] = {|#0:"not-a-real-password"|}, ["TABLE_NAME"] = "orders" };
                    Functions.Create(this, "Api", environment);
                    new Function(this, "Worker", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("publish"), Environment = WorkerEnvironment() });

                    var logged = new Dictionary<string, string> { ["API_TOKEN"] = "not used by any function" };
                    Functions.Log(logged);
                    _ = Unused();
                }

                private static Dictionary<string, string> WorkerEnvironment()
                {
                    var variables = new Dictionary<string, string>();
                    variables.Add("STRIPE_API_KEY", {|#1:"sk_test_not_a_real_key"|});
                    return variables;
                }

                private static Dictionary<string, string> Unused()
                {
                    var variables = new Dictionary<string, string> { ["API_KEY"] = "never in an environment" };
                    return variables;
                }
            }

            public static class Functions
            {
                public static Function Create(Construct scope, string id, Dictionary<string, string> environment) =>
                    new Function(scope, id, new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("publish"), Environment = environment });

                public static void Log(Dictionary<string, string> values) => System.Console.WriteLine(values.Count);
            }
            """ };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables_CrossType).WithLocation(0).WithArguments("DB_PASSWORD"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables_CrossType).WithLocation(1).WithArguments("STRIPE_API_KEY"));
        return test.RunAsync();
    }

    /// <summary>
    /// Silent: a method that rewrites the parameter before it sets the environment (the dictionary handed in is not the one
    /// that lands there), and a dictionary a lambda returns (not the enclosing method's result).
    /// </summary>
    [Fact]
    public Task CdkDictionaryHandedOnButNotUsedAsTheEnvironment_IsSilent() => VerifyCdkAsync("""
        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                var environment = new Dictionary<string, string> { ["DB_PASSWORD"] = "filtered out before use" };
                Create(this, "Api", environment);
                new Function(this, "Worker", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("publish"), Environment = Build() });
            }

            private static Function Create(Construct scope, string id, Dictionary<string, string> environment)
            {
                environment = new Dictionary<string, string> { ["TABLE_NAME"] = "orders" };
                return new Function(scope, id, new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("publish"), Environment = environment });
            }

            private static Dictionary<string, string> Build()
            {
                var secrets = new Dictionary<string, string> { ["API_KEY"] = "only for a callback" };
                System.Func<Dictionary<string, string>> callback = () => secrets;
                return new Dictionary<string, string> { ["TABLE_NAME"] = callback().Count.ToString() };
            }
        }
        """);

    [Fact]
    public Task CdkDictionaryBuiltInALocalThenAssigned_Reports() => VerifyCdkAsync("""
        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                var environment = new Dictionary<string, string> { ["DB_PASSWORD"] = {|LBP301:"not-a-real-password"|} };
                environment.Add("API_TOKEN", {|LBP301:"not-a-real-token"|});
                environment["QUEUE_URL"] = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";

                var unrelated = new Dictionary<string, string> { ["DB_PASSWORD"] = "not used by any function" };
                unrelated.Add("API_TOKEN", "not used by any function");

                new Function(this, "Api", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("publish"), Environment = environment });
            }
        }
        """);

    [Fact]
    public Task CdkDockerImageFunctionAndSubclassAddEnvironment_Report() => VerifyCdkAsync("""
        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                var fn = new DockerImageFunction(this, "Api", new DockerImageFunctionProps
                {
                    Code = DockerImageCode.FromImageAsset("image"),
                    Environment = new Dictionary<string, string> { ["DB_PASSWORD"] = {|LBP301:"not-a-real-password"|} },
                });
                fn.AddEnvironment("SERVICE_CREDENTIALS", {|LBP301:"user:not-a-real-password"|});
            }
        }
        """);

    [Fact]
    public Task CdkComputedValuesAndPointers_DoNotReport() => VerifyCdkAsync("""
        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id, string passwordFromContext) : base(scope, id)
            {
                var fn = new Function(this, "Api", new FunctionProps
                {
                    Runtime = Runtime.DOTNET_8,
                    Handler = "h",
                    Code = Code.FromAsset("publish"),
                    Environment = new Dictionary<string, string>
                    {
                        ["DB_PASSWORD"] = passwordFromContext,
                        ["DB_PASSWORD_PARAMETER"] = "/orders/db/password",
                        ["API_KEY_SECRET_ID"] = "orders/api-key",
                        ["TOKEN_TTL"] = "300",
                        ["DB_PASSWORD_EMPTY"] = "",
                    },
                });
                fn.AddEnvironment("DB_PASSWORD", Environment.GetEnvironmentVariable("CI_DB_PASSWORD") ?? "");
            }
        }
        """);

    [Fact]
    public Task CdkAppIsNotALambdaProject_GetEnvironmentVariableIsNotChecked() => VerifyCdkAsync("""
        public static class Program
        {
            public static void Main()
            {
                var app = new App();
                var token = Environment.GetEnvironmentVariable("GITHUB_TOKEN");
                Environment.SetEnvironmentVariable("GITHUB_TOKEN", "not-a-real-token");
                app.Synth();
            }
        }
        """);

    [Fact]
    public Task DictionaryNotForACdkFunction_DoesNotReport() => Verify.VerifyAnalyzerAsync(Usings + """
        public class Function
        {
            public Dictionary<string, string> Handle(string input, ILambdaContext context) =>
                new Dictionary<string, string> { ["DB_PASSWORD"] = "not-a-real-password" };
        }
        """);

    [Fact]
    public async Task CdkTestProject_DoesNotReport()
    {
        var test = new Verify.Test
        {
            Stubs = Stubs.Cdk,
            TestCode = CdkUsings + """
                public class StackTests
                {
                    public void Synth()
                    {
                        var stack = new Stack();
                        var fn = new Function(stack, "Api", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromInline("x") });
                        fn.AddEnvironment("DB_PASSWORD", "test-password");
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nlambda_best_practices.treat_as_test_project = true\n"));
        await test.RunAsync();
    }

    // ---- live analysis ----

    [Fact]
    public async Task DocumentAnalysis_ReportsEveryFormInTheEditedFile()
    {
        // The IDE analyzes the open document only: the type-end decisions (decrypted or not, dictionary assigned to a
        // function or not) are made there too, so every form squiggles as you type.
        const string functionFile = """
            using System;
            using Amazon.Lambda.Core;

            public partial class OrdersFunction
            {
                public string? Handle(string input, ILambdaContext context) => Environment.GetEnvironmentVariable("DB_PASSWORD");
            }
            """;
        const string otherPart = """
            public partial class OrdersFunction
            {
                private static string Decrypt(string value) => value;
            }
            """;
        const string stackFile = """
            using System.Collections.Generic;
            using Amazon.CDK;
            using Amazon.CDK.AWS.Lambda;
            using Constructs;

            public class ApiStack : Stack
            {
                public ApiStack(Construct scope, string id) : base(scope, id)
                {
                    var environment = new Dictionary<string, string> { ["API_TOKEN"] = "not-a-real-token" };
                    new Function(this, "Api", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("p"), Environment = environment });
                }
            }
            """;
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", functionFile), ("Function.Part.cs", otherPart), ("ApiStack.cs", stackFile));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<LBP301KeepSecretsOutOfEnvironmentRule>()));

        foreach (var (file, line) in new[] { ("Function.cs", 6), ("ApiStack.cs", 10) })
        {
            var tree = compilation.SyntaxTrees.Single(t => t.FilePath == file);
            var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
            Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, diagnostic.Descriptor.CustomTags);
        }
    }

    [Fact]
    public async Task DocumentAnalysis_SeesADecryptInAnotherPartialFile()
    {
        const string readFile = """
            using System;
            using Amazon.Lambda.Core;

            public partial class OrdersFunction
            {
                private static readonly string EncryptedPassword = Environment.GetEnvironmentVariable("DB_PASSWORD")!;

                public string Handle(string input, ILambdaContext context) => Password();
            }
            """;
        const string decryptFile = """
            public partial class OrdersFunction
            {
                private static string Password() => Decrypt(EncryptedPassword);

                private static string Decrypt(string cipherText) => cipherText;
            }
            """;
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", readFile), ("Function.Decrypt.cs", decryptFile));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<LBP301KeepSecretsOutOfEnvironmentRule>()));
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Function.cs");

        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);

        Assert.Empty(diagnostics);
    }

    // ---- broken code ----

    [Fact]
    public async Task BrokenCode_DoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    public void Handle(string input, ILambdaContext context)
                    {
                        var a = Environment.{|CS1501:GetEnvironmentVariable|}();
                        var b = {|#0:Environment.GetEnvironmentVariable("DB_PASSWORD" |}{|CS1026:;|}
                        Environment.SetEnvironmentVariable("API_KEY", {|CS0103:Missing|});
                        var c = {|CS0103:Unknown|}.Decrypt(Environment.GetEnvironmentVariable("API_TOKEN"));
                        var props = new {|CS0246:FunctionProps|} { Environment = { ["DB_PASSWORD"] = "x" } };
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.Errors,
        };

        // A read whose closing parenthesis is still missing is reported; one passed to code that does not bind is not.
        test.ExpectedDiagnostics.Add(Secret(0, "DB_PASSWORD"));
        await test.RunAsync();
    }
}
