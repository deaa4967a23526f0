using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP102FetchConfigurationOnceRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP102FetchConfigurationOnceAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.SecretsManager;
        using Amazon.SecretsManager.Model;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;

        """;

    private const string Parameter = "a Parameter Store parameter";
    private const string Secret = "a secret";

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static DiagnosticResult Fetches(int location, string method, string what) =>
        Verify.Diagnostic(Descriptors.LBP102_FetchConfigurationOnce).WithLocation(location).WithArguments(method, what);

    private static DiagnosticResult FetchesAtEnd(int location, string method, string what) =>
        Verify.Diagnostic(Descriptors.LBP102_FetchConfigurationOnce_CrossType).WithLocation(location).WithArguments(method, what);

    // ---- flagged ----

    [Fact]
    public Task ParameterAndSecretReadInTheHandler_Report() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var response = await {|#0:Ssm.GetParameterAsync(new GetParameterRequest { Name = "/orders/api-key", WithDecryption = true })|};
                var apiKey = response.Parameter.Value;
                var secret = (await {|#1:Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db" })|}.ConfigureAwait(false)).SecretString;
                var settings = await {|#2:Ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = "/orders/" })|};
                context.Logger.LogInformation($"{apiKey.Length} {secret.Length} {settings.Parameters.Count}");
            }
        }
        """,
        Fetches(0, "GetParameterAsync", Parameter), Fetches(1, "GetSecretValueAsync", Secret), Fetches(2, "GetParametersByPathAsync", "Parameter Store parameters"));

    [Fact]
    public Task ValueMadeIntoSomethingUsedPerInvocation_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var response = await {|#0:Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db" })|};
                var settings = JsonSerializer.Deserialize<DbSettings>(response.SecretString);
                var connection = $"Host={settings!.Host};Password={settings.Password}";
                context.Logger.LogInformation(connection.Length.ToString());
            }
        }

        public class DbSettings
        {
            public string Host { get; set; } = "";

            public string Password { get; set; } = "";
        }
        """, Fetches(0, "GetSecretValueAsync", Secret));

    [Fact]
    public Task HelperWhoseResultIsNotKept_ReportsAtCompilationEnd() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var apiKey = await GetApiKeyAsync();
                context.Logger.LogInformation(apiKey.Length.ToString());
            }

            private static async Task<string> GetApiKeyAsync()
            {
                var response = await {|#0:Ssm.GetParameterAsync(new GetParameterRequest { Name = "/orders/api-key" })|};
                return response.Parameter.Value;
            }
        }
        """, FetchesAtEnd(0, "GetParameterAsync", Parameter));

    [Fact]
    public Task ServiceBehindAnInterfaceCalledPerInvocation_Reports() => VerifyAsync("""
        public interface ISettingsProvider
        {
            Task<string> GetConnectionStringAsync();
        }

        public class SecretsSettingsProvider : ISettingsProvider
        {
            private readonly IAmazonSecretsManager _secrets;

            public SecretsSettingsProvider(IAmazonSecretsManager secrets) => _secrets = secrets;

            public async Task<string> GetConnectionStringAsync() =>
                (await {|#0:_secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db" })|}).SecretString;
        }

        public class Function
        {
            private readonly ISettingsProvider _settings = new SecretsSettingsProvider(new AmazonSecretsManagerClient());

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var connectionString = await _settings.GetConnectionStringAsync();
                context.Logger.LogInformation(connectionString.Length.ToString());
            }
        }
        """, FetchesAtEnd(0, "GetSecretValueAsync", Secret));

    [Fact]
    public Task FetchInAServiceTheHandlerCalls_ReportsAtCompilationEnd() => VerifyAsync("""
        public class Function
        {
            private readonly FeatureFlags _flags = new FeatureFlags();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                if (await _flags.IsEnabledAsync("new-pricing"))
                {
                    context.Logger.LogInformation("new pricing");
                }
            }
        }

        public class FeatureFlags
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();

            public async Task<bool> IsEnabledAsync(string flag)
            {
                var response = await {|#0:Ssm.GetParameterAsync(new GetParameterRequest { Name = "/flags/" + flag })|};
                return response.Parameter.Value == "on";
            }
        }
        """, FetchesAtEnd(0, "GetParameterAsync", Parameter));

    // ---- not flagged: the value is kept ----

    [Fact]
    public Task LazyInitialization_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();
            private static string? s_apiKey;
            private static string? s_password;
            private static readonly object Gate = new();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                s_apiKey ??= (await Ssm.GetParameterAsync(new GetParameterRequest { Name = "/orders/api-key" })).Parameter.Value;

                if (s_password is null)
                {
                    var response = await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db" });
                    s_password = response.SecretString;
                }

                context.Logger.LogInformation($"{s_apiKey.Length} {s_password.Length}");
            }
        }
        """);

    [Fact]
    public Task CacheWithATimeToLive_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();
            private static DbSettings? s_settings;
            private static DateTime s_expires;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                if (DateTime.UtcNow >= s_expires)
                {
                    var response = await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db" });
                    s_settings = JsonSerializer.Deserialize<DbSettings>(response.SecretString);
                    s_expires = DateTime.UtcNow.AddMinutes(5);
                }

                context.Logger.LogInformation(s_settings!.Host);
            }
        }

        public class DbSettings
        {
            public string Host { get; set; } = "";
        }
        """);

    [Fact]
    public Task CachesHeldByFields_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly ConcurrentDictionary<string, string> s_values = new();
            private static readonly ConcurrentDictionary<string, Task<GetParameterResponse>> s_pending = new();
            private readonly ConcurrentDictionary<string, string> _byName = new();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var name = evt.Records[0].Body;
                if (!s_values.TryGetValue(name, out var value))
                {
                    value = (await Ssm.GetParameterAsync(new GetParameterRequest { Name = name })).Parameter.Value;
                    s_values[name] = value;
                }

                var other = (await Ssm.GetParameterAsync(new GetParameterRequest { Name = name + "/other" })).Parameter.Value;
                _byName.TryAdd(name, other);

                var pending = await s_pending.GetOrAdd(name, n => Ssm.GetParameterAsync(new GetParameterRequest { Name = n }));
                context.Logger.LogInformation(value + other + pending.Parameter.Value);
            }
        }
        """);

    [Fact]
    public Task HelperWhoseCallerKeepsTheResult_DoesNotReport() => VerifyAsync("""
        public interface ISettingsProvider
        {
            Task<string> LoadAsync();
        }

        public class ParameterSettingsProvider : ISettingsProvider
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();

            public async Task<string> LoadAsync()
            {
                var response = await Ssm.GetParameterAsync(new GetParameterRequest { Name = "/orders/settings" });
                return response.Parameter.Value;
            }
        }

        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private readonly ISettingsProvider _provider = new ParameterSettingsProvider();
            private string? _settings;
            private string? _key;
            private DateTime _loadedAt;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                if (DateTime.UtcNow - _loadedAt > TimeSpan.FromMinutes(5))
                {
                    _settings = await _provider.LoadAsync();
                    _key = await LoadKeyAsync();
                    _loadedAt = DateTime.UtcNow;
                }

                context.Logger.LogInformation(_settings + _key);
            }

            private static async Task<string> LoadKeyAsync() =>
                (await Ssm.GetParameterAsync(new GetParameterRequest { Name = "/orders/key" })).Parameter.Value;
        }
        """);

    [Fact]
    public Task LoadOnceBlocksAndLongChains_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();
            private static string? s_connection;
            private static bool s_loaded;
            private static System.Collections.Generic.Dictionary<string, string>? s_settings;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                if (s_connection == null)
                {
                    var response = await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db" });
                    var json = response.SecretString;
                    var values = JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<string, string>>(json);
                    var password = values!["password"];
                    s_connection = $"Host=db;Password={password}";
                }

                if (!s_loaded)
                {
                    var secret = await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/env" });
                    Environment.SetEnvironmentVariable("ORDERS_DB_PASSWORD", secret.SecretString);
                    s_loaded = true;
                }

                if (s_settings == null)
                {
                    s_settings = new();
                    var page = await Ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = "/orders/" });
                    foreach (var parameter in page.Parameters)
                    {
                        s_settings[parameter.Name] = parameter.Value;
                    }
                }

                context.Logger.LogInformation(s_connection + s_settings.Count);
            }
        }
        """);

    [Fact]
    public Task HelperTwoCallsDownOfAKeptResult_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static string? s_key;
            private static DateTime s_expires;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                if (DateTime.UtcNow > s_expires)
                {
                    s_key = await GetApiKeyAsync();
                    s_expires = DateTime.UtcNow.AddMinutes(5);
                }

                context.Logger.LogInformation(s_key);
            }

            private static Task<string> GetApiKeyAsync() => LoadAsync("/orders/api-key");

            private static async Task<string> LoadAsync(string name) =>
                (await Ssm.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true })).Parameter.Value;
        }
        """);

    /// <summary>A rotation function reads the pending version of a secret on every run: that is its job.</summary>
    [Fact]
    public Task SecretVersionReadForRotation_DoesNotReport() => VerifyAsync("""
        public class RotationFunction
        {
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var pending = await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db", VersionStage = "AWSPENDING" });
                var request = new GetSecretValueRequest { SecretId = "orders/db" };
                request.VersionId = evt.Records[0].Body;
                var exact = await Secrets.GetSecretValueAsync(request);
                context.Logger.LogInformation(pending.SecretString.Length + exact.SecretString.Length + "");
            }
        }
        """);

    /// <summary>
    /// A value written into a local object's member goes where the object goes: here, nowhere beyond the invocation. So
    /// does a value added to a collection of a local object (a request's headers): only a collection a field or property
    /// of a long-lived object holds is a cache.
    /// </summary>
    [Fact]
    public Task ValueWrittenIntoALocalObject_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();
            private static ConnectionSettings? s_kept;

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var secret = await {|#0:Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/db" })|};
                var settings = new ConnectionSettings();
                settings.Password = secret.SecretString;
                context.Logger.LogInformation(settings.Password.Length.ToString());

                var request = new System.Net.Http.HttpRequestMessage();
                request.Headers.Add("x-api-key", (await {|#1:Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/api" })|}).SecretString);

                var other = await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "orders/other" });
                var kept = new ConnectionSettings();
                kept.Password = other.SecretString;
                s_kept ??= kept;
            }
        }

        public class ConnectionSettings
        {
            public string Password { get; set; } = "";
        }
        """, Fetches(0, "GetSecretValueAsync", Secret), Fetches(1, "GetSecretValueAsync", Secret));

    [Fact]
    public Task LazyTaskAndInitCode_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly Lazy<Task<string>> ApiKey = new(() => FetchAsync("/orders/api-key"));
            private static readonly string Region = Ssm.GetParameterAsync(new GetParameterRequest { Name = "/orders/region" }).GetAwaiter().GetResult().Parameter.Value;
            private readonly string _table;

            public Function()
            {
                _table = Ssm.GetParameterAsync(new GetParameterRequest { Name = "/orders/table" }).Result.Parameter.Value;
            }

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var key = await ApiKey.Value;
                context.Logger.LogInformation(key + Region + _table);
            }

            private static async Task<string> FetchAsync(string name) =>
                (await Ssm.GetParameterAsync(new GetParameterRequest { Name = name })).Parameter.Value;
        }
        """);

    [Fact]
    public Task CachingClientsAndOtherCalls_DoNotReport() => VerifyAsync("""
        using Amazon.SecretsManager.Extensions.Caching;

        public class Function
        {
            private static readonly SecretsManagerCache Cache = new SecretsManagerCache();
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
            private static readonly IAmazonSecretsManager Secrets = new AmazonSecretsManagerClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var password = await Cache.GetSecretString("orders/db");
                await Ssm.PutParameterAsync(new PutParameterRequest { Name = "/orders/last-run", Value = DateTime.UtcNow.ToString("O"), Overwrite = true });
                await Secrets.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "orders/db" });
                await new Settings().GetParameterAsync("/orders/x");
                context.Logger.LogInformation(password.Length.ToString());
            }
        }

        public class Settings
        {
            public Task<string> GetParameterAsync(string name) => Task.FromResult(name);
        }
        """);

    [Fact]
    public Task FetchReturnedByALambda_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var response = await RunWithTimeoutAsync(() => Ssm.GetParameterAsync(new GetParameterRequest { Name = "/orders/key" }));
                context.Logger.LogInformation(response.Parameter.Value);
            }

            private static Task<T> RunWithTimeoutAsync<T>(Func<Task<T>> action) => action();
        }
        """);

    [Fact]
    public Task CodeNoHandlerReaches_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public Task Handle(SQSEvent evt, ILambdaContext context) => Task.CompletedTask;
        }

        public class Tool
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();

            public async Task<string> RunAsync() => (await Ssm.GetParameterAsync(new GetParameterRequest { Name = "/x" })).Parameter.Value;
        }
        """);

    [Fact]
    public Task NotALambdaProject_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;

        public class Worker
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();

            public async Task<string> Handle(string input) => (await Ssm.GetParameterAsync(new GetParameterRequest { Name = input })).Parameter.Value;
        }
        """, Stubs.None);

    // ---- broken and incomplete code ----

    [Fact]
    public async Task SyntaxErrors_DoNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();
                    private static string? s_value;

                    public async Task Handle(SQSEvent evt, ILambdaContext context)
                    {
                        var response = await {|#0:Ssm.GetParameterAsync(new GetParameterRequest { Name = "/a" })|}{|CS1002:|}
                        s_value ??= (await {|#1:Ssm.GetParameterAsync(new GetParameterRequest { Name = {|CS1525:}|} )|}).Parameter.Value;
                        await Ssm.{|CS7036:GetParameterAsync|}({|CS1026:|}{|CS1002:|}
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Fetches(0, "GetParameterAsync", Parameter));

        // The unfinished initializer does not bind, so neither does the `??=` around it: the fetch counts as not kept.
        test.ExpectedDiagnostics.Add(Fetches(1, "GetParameterAsync", Parameter));
        await test.RunAsync();
    }

    /// <summary>An assignment to a name that does not bind may be a field being typed: silent. A call that does not bind is no fetch.</summary>
    [Fact]
    public Task UnresolvedTypes_DoNotThrow() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                {|CS0103:s_missing|} = (await Ssm.GetParameterAsync(new GetParameterRequest { Name = "/a" })).Parameter.Value;
                var value = await {|CS0103:Unknown|}.GetParameterAsync(new GetParameterRequest());
                var response = await Ssm.GetParameterAsync(new {|CS0246:MissingRequest|}());
            }
        }
        """);

    // ---- live analysis ----

    private const string FunctionFile = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;

        public class Function
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();

            public async Task Handle(SQSEvent evt, ILambdaContext context)
            {
                var value = (await Ssm.GetParameterAsync(new GetParameterRequest { Name = "/a" })).Parameter.Value;
                await Settings.LogAsync(context.Logger);
            }
        }
        """;

    private const string SettingsFile = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.SimpleSystemsManagement;
        using Amazon.SimpleSystemsManagement.Model;

        public static class Settings
        {
            private static readonly IAmazonSimpleSystemsManagement Ssm = new AmazonSimpleSystemsManagementClient();

            public static async Task LogAsync(ILambdaLogger logger)
            {
                var response = await Ssm.GetParameterAsync(new GetParameterRequest { Name = "/b" });
                logger.LogInformation(response.Parameter.Value);
            }
        }
        """;

    [Fact]
    public async Task DocumentAnalysisOfHandlerFile_ReportsLive_OtherFileAtCompilationEnd()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", FunctionFile), ("Settings.cs", SettingsFile));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<LBP102FetchConfigurationOnceRule>()));
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Function.cs");

        var live = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
        var single = Assert.Single(live, d => d.Id == "LBP102");
        Assert.Equal(12, single.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, single.Descriptor.CustomTags);

        var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var crossType = Assert.Single(all, d => d.Location.SourceTree!.FilePath == "Settings.cs");
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, crossType.Descriptor.CustomTags);
    }
}
