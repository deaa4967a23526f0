using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace LambdaBestPractices.Analyzers.Benchmarks.Corpus;

/// <summary>Which of the two corpora: a Lambda solution, or a plain class library of the same shape with no AWS reference.</summary>
internal enum CorpusKind
{
    Lambda,
    Plain,
}

/// <summary>One generated source file; <see cref="IsHandler"/> marks the handler (or, in the plain corpus, processor) files.</summary>
internal sealed record GeneratedFile(string Path, string Text, bool IsHandler);

/// <summary>A generated corpus: its files and, per mission rule, how many violations were planted.</summary>
internal sealed class GeneratedCorpus
{
    public GeneratedCorpus(CorpusKind kind, int handlers, int seed, List<GeneratedFile> files, SortedDictionary<string, int> planted, SortedDictionary<string, int> handlerKinds)
    {
        Kind = kind;
        Handlers = handlers;
        Seed = seed;
        Files = files;
        Planted = planted;
        HandlerKinds = handlerKinds;
    }

    public CorpusKind Kind { get; }

    public int Handlers { get; }

    public int Seed { get; }

    public List<GeneratedFile> Files { get; }

    /// <summary>Rule ID to the number of planted violations (for the plain corpus: look-alikes that must stay silent).</summary>
    public SortedDictionary<string, int> Planted { get; }

    public SortedDictionary<string, int> HandlerKinds { get; }

    public int Lines => Files.Sum(f => CountLines(f.Text));

    public static int CountLines(string text)
    {
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }
}

/// <summary>
/// Writes a realistic serverless solution of N handler units, deterministically from a seed.
/// <para>
/// Lambda corpus, per handler unit: a handler file (S3, SQS, SNS, DynamoDB-stream or API Gateway; 50–150 lines), a service
/// file (interface + implementation using SDK clients by injection) and a models file. Per group of 25 units: a DI startup
/// (clients registered as singletons, <c>AddHttpClient</c>) and a helpers class. Each of the five mission rules
/// (LBP101, LBP201, LBP202, LBP301, LBP401) has its violation planted in about one unit in five; the other units carry the
/// compliant look-alike (static or injected client, write to another resource, key from the event, secret via Secrets
/// Manager, name from an environment variable). So has LBP103 (a two-second pause; the look-alike pauses 200 ms), and
/// LBP102 (the partner key fetched on every call instead of through its <c>Lazy&lt;Task&lt;string&gt;&gt;</c>), and LBP203 (a
/// discarded <c>Task.Run</c>; the look-alike awaits it) and LBP304 (the trace header variable set by the handler; the
/// look-alike sets a variable of its own).
/// </para>
/// <para>
/// Plain corpus: the same number of units and files with the same domain code (processors, services, models, a composition
/// root per group, helpers), referencing only the .NET framework, and with the same look-alike "violations"
/// (<c>new HttpClient()</c>, secret-named environment reads, fresh keys, hard-coded names) at the same rate: all of them
/// must stay silent because the analyzers bail out when no Lambda type is referenced.
/// </para>
/// Unit <c>i</c> is generated from its own random stream (seed, i), so the corpus for N is a prefix of the corpus for a larger N.
/// </summary>
internal static class CorpusGenerator
{
    public const int GroupSize = 25;

    public const double ViolationRate = 0.2;

    private static readonly string[] Areas =
    {
        "Orders", "Billing", "Inventory", "Shipping", "Customers", "Payments", "Catalog", "Notifications", "Reports", "Invoices",
        "Returns", "Loyalty", "Pricing", "Accounts", "Audit", "Media", "Search", "Reviews", "Subscriptions", "Fulfillment",
    };

    private static readonly string[] Nouns =
    {
        "Intake", "Export", "Sync", "Import", "Reconcile", "Enrich", "Archive", "Notify", "Validate", "Aggregate",
        "Transform", "Dispatch", "Ledger", "Refresh", "Index", "Publish", "Cleanup", "Backfill", "Score", "Route",
    };

    private static readonly string[] ExtraProperties =
    {
        "public string Region { get; set; } = \"eu-west-1\";",
        "public string Channel { get; set; } = \"web\";",
        "public int Priority { get; set; }",
        "public string? Notes { get; set; }",
        "public bool IsGift { get; set; }",
        "public string? PromotionCode { get; set; }",
        "public double Weight { get; set; }",
        "public DateTimeOffset? DueAt { get; set; }",
    };

    public static GeneratedCorpus Generate(CorpusKind kind, int handlers, int seed)
    {
        var files = new List<GeneratedFile>();
        var planted = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["LBP101"] = 0, ["LBP102"] = 0, ["LBP103"] = 0, ["LBP201"] = 0, ["LBP202"] = 0, ["LBP203"] = 0, ["LBP205"] = 0, ["LBP206"] = 0, ["LBP301"] = 0, ["LBP303"] = 0, ["LBP304"] = 0, ["LBP401"] = 0,
        };
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);

        files.Add(new GeneratedFile("GlobalUsings.g.cs", GlobalUsings(), false));
        if (kind == CorpusKind.Lambda)
        {
            files.Add(new GeneratedFile("AssemblyInfo.cs", LambdaAssemblyInfo(), false));
        }
        else
        {
            files.Add(new GeneratedFile("Common/Envelope.cs", PlainCommon(), false));
        }

        var groups = (handlers + GroupSize - 1) / GroupSize;
        for (var g = 0; g < groups; g++)
        {
            var area = Areas[g % Areas.Length];
            var units = new List<Unit>();
            for (var i = g * GroupSize; i < Math.Min(handlers, (g + 1) * GroupSize); i++)
            {
                units.Add(new Unit(kind, seed, i, g, area));
            }

            foreach (var unit in units)
            {
                var writer = kind == CorpusKind.Lambda ? (UnitWriter)new LambdaUnitWriter(unit) : new PlainUnitWriter(unit);
                files.Add(new GeneratedFile($"src/{area}/{writer.HandlerFolder}/{unit.Name}{writer.HandlerSuffix}.cs", writer.Handler(), true));
                files.Add(new GeneratedFile($"src/{area}/Services/{unit.Name}Service.cs", writer.Service(), false));
                files.Add(new GeneratedFile($"src/{area}/Models/{unit.Name}Models.cs", Models(unit), false));
                foreach (var rule in unit.Violations)
                {
                    planted[rule]++;
                }

                kinds[unit.KindLabel] = kinds.GetValueOrDefault(unit.KindLabel) + 1;
            }

            files.Add(new GeneratedFile($"src/{area}/Infrastructure/{area}Helpers{g:D3}.cs", Helpers(kind, area, g), false));
            files.Add(kind == CorpusKind.Lambda
                ? new GeneratedFile($"src/{area}/Startup{g:D3}.cs", LambdaStartup(area, g, units), false)
                : new GeneratedFile($"src/{area}/Registry{g:D3}.cs", PlainRegistry(area, g, units), false));
        }

        return new GeneratedCorpus(kind, handlers, seed, files, planted, kinds);
    }

    /// <summary>Writes the corpus as a project folder (sources, a .csproj, a manifest); replaces what was there.</summary>
    public static void Write(GeneratedCorpus corpus, string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        foreach (var file in corpus.Files)
        {
            var path = Path.Combine(directory, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text, new UTF8Encoding(false));
        }

        File.WriteAllText(Path.Combine(directory, corpus.Kind == CorpusKind.Lambda ? "Contoso.Serverless.csproj" : "Contoso.Platform.csproj"), ProjectFile(corpus.Kind));
        var manifest = new StringBuilder();
        manifest.AppendLine($"kind={corpus.Kind}");
        manifest.AppendLine($"handlers={corpus.Handlers}");
        manifest.AppendLine($"seed={corpus.Seed}");
        manifest.AppendLine($"files={corpus.Files.Count}");
        manifest.AppendLine($"lines={corpus.Lines}");
        foreach (var (rule, count) in corpus.Planted)
        {
            manifest.AppendLine($"planted.{rule}={count}");
        }

        foreach (var (label, count) in corpus.HandlerKinds)
        {
            manifest.AppendLine($"handlers.{label}={count}");
        }

        File.WriteAllText(Path.Combine(directory, "corpus.manifest"), manifest.ToString());
    }

    private static string ProjectFile(CorpusKind kind) => kind == CorpusKind.Lambda
        ? """
          <Project Sdk="Microsoft.NET.Sdk">
            <!-- Generated by bench/ (LambdaBestPractices.Analyzers benchmark corpus). The benchmark compiles these sources in memory;
                 this file shows the project they stand for. -->
            <PropertyGroup>
              <TargetFramework>net8.0</TargetFramework>
              <ImplicitUsings>enable</ImplicitUsings>
              <Nullable>enable</Nullable>
              <GenerateRuntimeConfigurationFiles>true</GenerateRuntimeConfigurationFiles>
            </PropertyGroup>
            <ItemGroup>
              <PackageReference Include="Amazon.Lambda.Core" Version="2.5.0" />
              <PackageReference Include="Amazon.Lambda.Annotations" Version="1.6.1" />
              <PackageReference Include="Amazon.Lambda.Serialization.SystemTextJson" Version="2.4.4" />
              <PackageReference Include="Amazon.Lambda.S3Events" Version="3.1.0" />
              <PackageReference Include="Amazon.Lambda.SQSEvents" Version="2.2.0" />
              <PackageReference Include="Amazon.Lambda.SNSEvents" Version="2.1.0" />
              <PackageReference Include="Amazon.Lambda.DynamoDBEvents" Version="3.1.1" />
              <PackageReference Include="Amazon.Lambda.APIGatewayEvents" Version="2.7.1" />
              <PackageReference Include="AWSSDK.S3" Version="4.1.0" />
              <PackageReference Include="AWSSDK.DynamoDBv2" Version="4.1.0" />
              <PackageReference Include="AWSSDK.SQS" Version="4.0.100.25" />
              <PackageReference Include="AWSSDK.SimpleNotificationService" Version="4.0.0" />
              <PackageReference Include="AWSSDK.Lambda" Version="4.0.0" />
              <PackageReference Include="AWSSDK.SecretsManager" Version="4.0.0" />
              <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="8.0.1" />
              <PackageReference Include="Microsoft.Extensions.Http" Version="8.0.1" />
            </ItemGroup>
          </Project>

          """
        : """
          <Project Sdk="Microsoft.NET.Sdk">
            <!-- Generated by bench/ (LambdaBestPractices.Analyzers benchmark corpus): a plain class library, no AWS reference. -->
            <PropertyGroup>
              <TargetFramework>net8.0</TargetFramework>
              <ImplicitUsings>enable</ImplicitUsings>
              <Nullable>enable</Nullable>
            </PropertyGroup>
          </Project>

          """;

    private static string GlobalUsings() =>
        """
        // <auto-generated/>
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;

        """;

    private static string LambdaAssemblyInfo() =>
        """
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Serialization.SystemTextJson;

        [assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

        """;

    private static string PlainCommon() =>
        """
        namespace Contoso.Platform.Common;

        /// <summary>A message as the platform's queue consumer hands it over.</summary>
        public sealed record Envelope(string Id, string Source, string Body, IReadOnlyDictionary<string, string> Attributes);

        /// <summary>Where processors write their log lines.</summary>
        public interface ILogSink
        {
            void Info(string message);

            void Warn(string message);

            void Error(Exception exception, string message);
        }

        public sealed class ConsoleLogSink : ILogSink
        {
            public static ConsoleLogSink Instance { get; } = new();

            private ConsoleLogSink()
            {
            }

            public void Info(string message) => Console.WriteLine("INFO  " + message);

            public void Warn(string message) => Console.WriteLine("WARN  " + message);

            public void Error(Exception exception, string message) => Console.Error.WriteLine("ERROR " + message + ": " + exception.Message);
        }

        """;

    private static string Root(CorpusKind kind) => kind == CorpusKind.Lambda ? "Contoso.Serverless" : "Contoso.Platform";

    private static string Models(Unit unit)
    {
        var root = Root(unit.Kind);
        var extras = new StringBuilder();
        foreach (var property in unit.ExtraProperties)
        {
            extras.AppendLine();
            extras.Append("    ").AppendLine(property);
        }

        return $$"""
            namespace {{root}}.{{unit.Area}}.Models;

            /// <summary>The {{unit.Noun.ToLowerInvariant()}} document handled by {{unit.Name}}.</summary>
            public sealed class {{unit.Name}}Item
            {
                public string Id { get; set; } = "";

                public string CustomerId { get; set; } = "";

                public decimal Amount { get; set; }

                public int Quantity { get; set; }

                public string Status { get; set; } = "new";

                public string Currency { get; set; } = "USD";

                public DateTimeOffset CreatedAt { get; set; }

                public List<{{unit.Name}}Line> Lines { get; set; } = new();

                public List<string> Tags { get; set; } = new();
            {{extras}}}

            public sealed record {{unit.Name}}Line(string Sku, int Quantity, decimal UnitPrice);

            public sealed record {{unit.Name}}Result(string Id, bool Accepted, string? Reason);

            public enum {{unit.Name}}Status
            {
                New,
                Accepted,
                Rejected,
                Archived,
            }

            """;
    }

    private static string Helpers(CorpusKind kind, string area, int group)
    {
        var root = Root(kind);
        return $$"""
            using System.Globalization;
            using System.Text.Json;

            namespace {{root}}.{{area}}.Infrastructure;

            /// <summary>Shared helpers of the {{area}} functions (group {{group}}).</summary>
            public static class {{area}}Helpers{{group:D3}}
            {
                private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

                public static T Parse<T>(string json)
                    where T : class =>
                    JsonSerializer.Deserialize<T>(json, JsonOptions) ?? throw new InvalidDataException($"Empty {typeof(T).Name} document");

                public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

                public static bool IsSupported(string key) =>
                    key.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !key.StartsWith("tmp/", StringComparison.Ordinal);

                public static string BuildKey(string prefix, string id) => $"{prefix.TrimEnd('/')}/{Uri.EscapeDataString(id)}.json";

                public static string Normalize(string value) => value.Trim().ToUpperInvariant();

                public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.ToEven);

                public static string FormatAmount(decimal amount, string currency) =>
                    string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}");

                public static async Task<T> RetryAsync<T>(Func<Task<T>> action, int attempts = 3)
                {
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            return await action();
                        }
                        catch (Exception) when (attempt < attempts)
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt * attempt));
                        }
                    }
                }

                public static string? LastRequestId { get; set; }

                public static int LastRequestLength { get; set; }
            }

            """;
    }

    private static string LambdaStartup(string area, int group, List<Unit> units)
    {
        var registrations = new StringBuilder();
        foreach (var unit in units)
        {
            registrations.AppendLine($"        services.AddSingleton<I{unit.Name}Service, {unit.Name}Service>();");
        }

        return $$"""
            using Amazon.DynamoDBv2;
            using Amazon.Lambda;
            using Amazon.S3;
            using Amazon.SecretsManager;
            using Amazon.SimpleNotificationService;
            using Amazon.SQS;
            using Contoso.Serverless.{{area}}.Services;
            using Microsoft.Extensions.DependencyInjection;

            namespace Contoso.Serverless.{{area}};

            /// <summary>The container of group {{group}}: built once per execution environment, every client a singleton.</summary>
            public static class Startup{{group:D3}}
            {
                public static IServiceProvider Services { get; } = Configure(new ServiceCollection()).BuildServiceProvider();

                public static IServiceCollection Configure(IServiceCollection services)
                {
                    services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client());
                    services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
                    services.AddSingleton<IAmazonSQS>(_ => new AmazonSQSClient());
                    services.AddSingleton<IAmazonSimpleNotificationService>(_ => new AmazonSimpleNotificationServiceClient());
                    services.AddSingleton<IAmazonLambda>(_ => new AmazonLambdaClient());
                    services.AddSingleton<IAmazonSecretsManager>(_ => new AmazonSecretsManagerClient());
                    services.AddHttpClient("{{area.ToLowerInvariant()}}-partner", client => client.BaseAddress = new Uri("https://partner.example.com/"));
            {{registrations}}        return services;
                }

                // The functions are published with SnapStart: every execution environment is restored from one snapshot of init.
                static Startup{{group:D3}}() => Amazon.Lambda.Core.SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
            }

            """;
    }

    private static string PlainRegistry(string area, int group, List<Unit> units)
    {
        var factories = new StringBuilder();
        foreach (var unit in units)
        {
            factories.AppendLine();
            factories.AppendLine($"    public static I{unit.Name}Service Create{unit.Name}Service() => new {unit.Name}Service(Http, Settings);");
        }

        return $$"""
            using Contoso.Platform.{{area}}.Services;

            namespace Contoso.Platform.{{area}};

            /// <summary>The composition root of group {{group}}: one HttpClient and one settings bag for every service.</summary>
            public static class Registry{{group:D3}}
            {
                private static readonly HttpClient Http = new() { BaseAddress = new Uri("https://{{area.ToLowerInvariant()}}.internal.example.com/") };

                private static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["region"] = Environment.GetEnvironmentVariable("PLATFORM_REGION") ?? "eu-west-1",
                    ["stage"] = Environment.GetEnvironmentVariable("PLATFORM_STAGE") ?? "dev",
                };
            {{factories}}}

            """;
    }

    /// <summary>One handler unit: its names, kind, size and which rules' violations it carries.</summary>
    internal sealed class Unit
    {
        public Unit(CorpusKind kind, int seed, int index, int group, string area)
        {
            Kind = kind;
            Index = index;
            Group = group;
            Area = area;
            var random = new Random(unchecked((seed * 1_000_003) ^ (index * 7919) ^ 0x5bd1e995));
            Random = random;
            Noun = Nouns[random.Next(Nouns.Length)];
            Name = $"{Area.TrimEnd('s')}{Noun}{index:D4}";
            HandlerKind = (HandlerKind)random.Next(5);
            ApiStyle = random.Next(10) switch
            {
                < 5 => ApiStyle.RestV1,
                < 8 => ApiStyle.HttpV2,
                _ => ApiStyle.Annotations,
            };
            ClientStyle = (ClientStyle)random.Next(3);
            TargetLines = random.Next(50, 151);  // the handler file's length, reached as closely as the base code and the fillers allow
            var extraCount = random.Next(0, 5);
            ExtraProperties = ExtraPropertiesFor(random, extraCount);
            FillerOrder = Enumerable.Range(0, Fillers.Count).OrderBy(_ => random.Next()).ToArray();

            V101 = random.NextDouble() < ViolationRate;
            V101Site = (V101Site)random.Next(4);
            V201 = random.NextDouble() < ViolationRate;

            // LBP202 applies to at-least-once sources only: plant it in a quarter of the non-API units (≈ 1 in 5 overall).
            V202 = random.NextDouble() < ViolationRate * 5 / 4 && (kind == CorpusKind.Plain || HandlerKind != HandlerKind.Api);
            V301 = random.NextDouble() < ViolationRate;
            V401 = random.NextDouble() < ViolationRate;
            V401InHandler = random.Next(2) == 0;

            // The rules added after the mission rules draw from their own stream, so the units' other choices (and every
            // other rule's sites) stay what they were.
            var catalog = new Random(unchecked((seed * 1_000_033) ^ (index * 104_729) ^ 0x103));
            V103 = catalog.NextDouble() < ViolationRate;

            // LBP102 replaces the Lazy<Task<string>> secret of the LBP301 look-alike (a unit without LBP301's violation):
            // a quarter of those (≈ 1 in 5 overall). The plain corpus has no Secrets Manager to fetch from.
            V102 = catalog.NextDouble() < ViolationRate * 5 / 4 && !V301 && kind == CorpusKind.Lambda;
            V203 = catalog.NextDouble() < ViolationRate;
            V304 = catalog.NextDouble() < ViolationRate;
            V205 = catalog.NextDouble() < ViolationRate;

            // LBP206 needs SnapStart, which the plain corpus cannot use (every Lambda group's Startup registers a hook).
            V206 = catalog.NextDouble() < ViolationRate && kind == CorpusKind.Lambda;

            // LBP303 logs the Secrets Manager secret of the LBP301 look-alike (a unit without LBP301's violation), as LBP102.
            V303 = catalog.NextDouble() < ViolationRate * 5 / 4 && !V301 && kind == CorpusKind.Lambda;
        }

        public CorpusKind Kind { get; }

        public int Index { get; }

        public int Group { get; }

        public string Area { get; }

        public Random Random { get; }

        public string Noun { get; }

        public string Name { get; }

        public HandlerKind HandlerKind { get; }

        public ApiStyle ApiStyle { get; }

        public ClientStyle ClientStyle { get; }

        public int TargetLines { get; }

        public string[] ExtraProperties { get; }

        public int[] FillerOrder { get; }

        public bool V101 { get; }

        public V101Site V101Site { get; }

        public bool V102 { get; }

        public bool V103 { get; }

        public bool V201 { get; }

        public bool V203 { get; }

        public bool V205 { get; }

        public bool V206 { get; }

        public bool V202 { get; }

        public bool V301 { get; }

        public bool V303 { get; }

        public bool V304 { get; }

        public bool V401 { get; }

        public bool V401InHandler { get; }

        public string Helpers => $"{Area}Helpers{Group:D3}";

        public string AreaLower => Area.ToLowerInvariant();

        public string EnvPrefix => (Area + "_" + Noun).ToUpperInvariant();

        public string KindLabel => Kind == CorpusKind.Plain
            ? "Processor"
            : HandlerKind == HandlerKind.Api ? "Api" + ApiStyle : HandlerKind.ToString();

        public IEnumerable<string> Violations
        {
            get
            {
                if (V101)
                {
                    yield return "LBP101";
                }

                if (V102)
                {
                    yield return "LBP102";
                }

                if (V103)
                {
                    yield return "LBP103";
                }

                if (V201)
                {
                    yield return "LBP201";
                }

                if (V202)
                {
                    yield return "LBP202";
                }

                if (V203)
                {
                    yield return "LBP203";
                }

                if (V205)
                {
                    yield return "LBP205";
                }

                if (V206)
                {
                    yield return "LBP206";
                }

                if (V301)
                {
                    yield return "LBP301";
                }

                if (V303)
                {
                    yield return "LBP303";
                }

                if (V304)
                {
                    yield return "LBP304";
                }

                if (V401)
                {
                    yield return "LBP401";
                }
            }
        }

        private static string[] ExtraPropertiesFor(Random random, int count) =>
            CorpusGenerator.ExtraProperties.OrderBy(_ => random.Next()).Take(count).ToArray();
    }

    internal enum HandlerKind
    {
        S3,
        Sqs,
        Sns,
        DynamoDBStream,
        Api,
    }

    internal enum ApiStyle
    {
        RestV1,
        HttpV2,
        Annotations,
    }

    internal enum ClientStyle
    {
        /// <summary><c>private static readonly IAmazonS3 S3 = new AmazonS3Client();</c></summary>
        StaticField,

        /// <summary><c>private static IAmazonS3 S3 => s_s3 ??= new AmazonS3Client();</c></summary>
        LazyProperty,

        /// <summary><c>private static readonly IAmazonS3 S3 = Startup.Services.GetRequiredService&lt;IAmazonS3&gt;();</c></summary>
        Container,
    }

    /// <summary>Where an LBP101 violation sits.</summary>
    internal enum V101Site
    {
        /// <summary><c>using var client = new ...();</c> in the per-record method of the handler.</summary>
        HandlerBody,

        /// <summary>A private helper of the handler, called on the error path.</summary>
        HandlerHelper,

        /// <summary>The service implementation, another file, called through its interface.</summary>
        Service,

        /// <summary><c>new HttpClient()</c> in a helper of the handler.</summary>
        HttpClientHelper,
    }

    /// <summary>
    /// Domain-logic methods shared by both corpora: (statements for the per-record method, the method itself).
    /// {N} is the unit name, {H} its helpers class, {LOG:...} a log call in the corpus' style.
    /// </summary>
    internal static readonly IReadOnlyList<(string Call, string Method)> Fillers = new (string, string)[]
    {
        (
            """
                    var errors = Validate(item);
                    if (errors.Count > 0)
                    {
                        throw new InvalidDataException($"{item.Id} rejected: {string.Join("; ", errors)}");
                    }

            """,
            """
                private static IReadOnlyList<string> Validate({N}Item item)
                {
                    var errors = new List<string>();
                    if (string.IsNullOrWhiteSpace(item.Id))
                    {
                        errors.Add("id is required");
                    }

                    if (item.Quantity <= 0)
                    {
                        errors.Add("quantity must be positive");
                    }

                    if (item.Amount < 0m)
                    {
                        errors.Add("amount must not be negative");
                    }

                    foreach (var line in item.Lines)
                    {
                        if (line.Quantity <= 0)
                        {
                            errors.Add($"line {line.Sku}: quantity must be positive");
                        }
                    }

                    return errors;
                }

            """),
        (
            """
                    var total = Total(item);
                    {LOG:Info:$"{item.Id}: total {{H}.FormatAmount(total, item.Currency)} over {item.Lines.Count} line(s)"}

            """,
            """
                private static decimal Total({N}Item item)
                {
                    var total = 0m;
                    foreach (var line in item.Lines)
                    {
                        total += line.UnitPrice * line.Quantity;
                    }

                    return {H}.Round(total);
                }

            """),
        (
            """
                    item.Status = Classify(item).ToString();

            """,
            """
                private static {N}Status Classify({N}Item item) =>
                    item switch
                    {
                        { Quantity: 0 } => {N}Status.Rejected,
                        { Amount: > 10_000m } => {N}Status.Archived,
                        { Lines.Count: > 20 } => {N}Status.Archived,
                        _ => {N}Status.Accepted,
                    };

            """),
        (
            """
                    var metadata = BuildMetadata(item, requestId);
                    {LOG:Info:$"{item.Id}: {metadata.Count} metadata entries"}

            """,
            """
                private static Dictionary<string, string> BuildMetadata({N}Item item, string requestId)
                {
                    var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["id"] = item.Id,
                        ["customer"] = item.CustomerId,
                        ["request-id"] = requestId,
                        ["created"] = item.CreatedAt.ToString("O"),
                    };
                    if (item.Tags is { Count: > 0 })
                    {
                        metadata["tags"] = string.Join(',', item.Tags.OrderBy(tag => tag, StringComparer.Ordinal));
                    }

                    return metadata;
                }

            """),
        (
            """
                    var byCategory = QuantitiesByCategory(item);
                    if (byCategory.Count > 10)
                    {
                        {LOG:Warn:$"{item.Id} spans {byCategory.Count} categories"}
                    }

            """,
            """
                private static IReadOnlyDictionary<string, int> QuantitiesByCategory({N}Item item) =>
                    item.Lines
                        .GroupBy(line => line.Sku.Split('-')[0], StringComparer.OrdinalIgnoreCase)
                        .ToDictionary(group => group.Key, group => group.Sum(line => line.Quantity), StringComparer.OrdinalIgnoreCase);

            """),
        (
            """
                    Normalize(item);

            """,
            """
                private static void Normalize({N}Item item)
                {
                    item.Id = item.Id.Trim();
                    item.CustomerId = {H}.Normalize(item.CustomerId);
                    item.Currency = string.IsNullOrEmpty(item.Currency) ? "USD" : item.Currency.ToUpperInvariant();
                    if (item.CreatedAt == default)
                    {
                        item.CreatedAt = DateTimeOffset.UnixEpoch;
                    }
                }

            """),
        (
            """
                    var discount = Discount(item);
                    if (discount > 0m)
                    {
                        item.Amount -= discount;
                    }

            """,
            """
                private static decimal Discount({N}Item item)
                {
                    var rate = item.Quantity switch
                    {
                        >= 100 => 0.10m,
                        >= 20 => 0.05m,
                        _ => 0m,
                    };
                    if (item.Tags.Contains("vip", StringComparer.OrdinalIgnoreCase))
                    {
                        rate += 0.02m;
                    }

                    return Math.Round(item.Amount * rate, 2);
                }

            """),
        (
            """
                    {LOG:Info:Describe(item)}

            """,
            """
                private static string Describe({N}Item item)
                {
                    var builder = new System.Text.StringBuilder();
                    builder.Append(item.Id).Append(" (").Append(item.Status).Append(')');
                    foreach (var line in item.Lines.Take(5))
                    {
                        builder.Append("; ").Append(line.Sku).Append(" x").Append(line.Quantity);
                    }

                    if (item.Lines.Count > 5)
                    {
                        builder.Append("; ...");
                    }

                    return builder.ToString();
                }

            """),
        (
            """
                    var previous = await {H}.RetryAsync(() => _service.GetAsync(item.Id));
                    if (previous is not null && IsUnchanged(previous, item))
                    {
                        {LOG:Info:$"{item.Id} is unchanged"}
                    }

            """,
            """
                private static bool IsUnchanged({N}Item previous, {N}Item current) =>
                    previous.Amount == current.Amount
                    && previous.Quantity == current.Quantity
                    && string.Equals(previous.Status, current.Status, StringComparison.Ordinal)
                    && previous.Lines.Count == current.Lines.Count;

            """),
    };

    /// <summary>Writes the three files of one unit in one corpus' style.</summary>
    private abstract class UnitWriter
    {
        protected UnitWriter(Unit unit) => Unit = unit;

        protected Unit Unit { get; }

        public abstract string HandlerFolder { get; }

        public abstract string HandlerSuffix { get; }

        public abstract string Handler();

        public abstract string Service();

        protected abstract string Log(string level, string expression);

        /// <summary>
        /// The sites of the rules added after the mission rules, last in the per-record method: LBP103's two-second pause
        /// where planted (a 200 ms one, under a second and so silent, elsewhere), and LBP203's status line written by a
        /// discarded <c>Task.Run</c> where planted (awaited elsewhere), and LBP304's <c>_X_AMZN_TRACE_ID</c> set from the
        /// request where planted (a variable of the unit's own elsewhere), and LBP205's request ID kept in a static property
        /// of the group's helpers where planted (its length, a number for metrics, elsewhere). Not counted towards the
        /// target length, so the fillers, and every other rule's sites before them, stay what they were.
        /// </summary>
        protected string CatalogSites(string extraArguments) =>
            (Unit.V103
                ? $"        await Task.Delay(TimeSpan.FromSeconds(2){extraArguments});\n"
                : $"        await Task.Delay(200{extraArguments});\n")
            + (Unit.V203
                ? "        _ = Task.Run(() => Console.WriteLine($\"{item.Id} done\"));\n"
                : "        await Task.Run(() => Console.WriteLine($\"{item.Id} done\"));\n")
            + (Unit.V304
                ? "        Environment.SetEnvironmentVariable(\"_X_AMZN_TRACE_ID\", requestId);\n"
                : $"        Environment.SetEnvironmentVariable(\"{Unit.EnvPrefix}_LAST_REQUEST_ID\", requestId);\n")
            + (Unit.V205
                ? $"        {Unit.Helpers}.LastRequestId = requestId;\n"
                : $"        {Unit.Helpers}.LastRequestLength = requestId.Length;\n");

        /// <summary>The filler calls and methods that bring the handler file to its target length.</summary>
        protected (string Calls, string Methods) Fill(int linesSoFar)
        {
            var calls = new StringBuilder();
            var methods = new StringBuilder();
            var lines = linesSoFar;
            foreach (var index in Unit.FillerOrder)
            {
                var (call, method) = Fillers[index];
                var callText = Expand(call);
                var methodText = Expand(method);
                var added = GeneratedCorpus.CountLines(callText) + GeneratedCorpus.CountLines(methodText) + 1;
                if (lines + added > Unit.TargetLines)
                {
                    continue;
                }

                calls.Append(callText);
                methods.AppendLine();
                methods.Append(methodText);
                lines += added;
            }

            return (calls.ToString(), methods.ToString());
        }

        private string Expand(string template)
        {
            var text = template.Replace("{N}", Unit.Name, StringComparison.Ordinal).Replace("{H}", Unit.Helpers, StringComparison.Ordinal);
            var start = text.IndexOf("{LOG:", StringComparison.Ordinal);
            while (start >= 0)
            {
                var levelEnd = text.IndexOf(':', start + 5);
                var level = text[(start + 5)..levelEnd];
                var end = text.IndexOf('\n', levelEnd);
                var close = text.LastIndexOf('}', end);
                var expression = text[(levelEnd + 1)..close];
                text = text[..start] + Log(level, expression) + text[(close + 1)..];
                start = text.IndexOf("{LOG:", StringComparison.Ordinal);
            }

            return text;
        }
    }

    private sealed class LambdaUnitWriter : UnitWriter
    {
        public LambdaUnitWriter(Unit unit)
            : base(unit)
        {
        }

        public override string HandlerFolder => "Functions";

        public override string HandlerSuffix => "Function";

        protected override string Log(string level, string expression) => level switch
        {
            "Warn" => $"context.Logger.LogWarning({expression});",
            _ => $"context.Logger.LogInformation({expression});",
        };

        /// <summary>
        /// LBP206's site, last in the per-record method: the worker ID made once at init (<see cref="SnapStartField"/>)
        /// where planted, a fresh one per record elsewhere (made per invocation: silent).
        /// </summary>
        private string SnapStartSite() => Unit.V206
            ? "        context.Logger.LogInformation($\"worker {WorkerId}\");\n"
            : "        context.Logger.LogInformation($\"worker {Guid.NewGuid():N}\");\n";

        /// <summary>Where LBP206 is planted: a worker ID made at init, last in the class (so no other site moves).</summary>
        private string SnapStartField() => Unit.V206
            ? "\n    private static readonly string WorkerId = Guid.NewGuid().ToString(\"N\");\n"
            : "";

        /// <summary>The client the handler writes its output with, and how it is held.</summary>
        private (string Interface, string Class, string Name, string Usings) OutputClient => Unit.HandlerKind switch
        {
            HandlerKind.S3 => ("IAmazonS3", "AmazonS3Client", "S3", "using Amazon.S3;\nusing Amazon.S3.Model;\n"),
            HandlerKind.Sqs => ("IAmazonSQS", "AmazonSQSClient", "Sqs", "using Amazon.SQS;\nusing Amazon.SQS.Model;\n"),
            HandlerKind.Sns => ("IAmazonSimpleNotificationService", "AmazonSimpleNotificationServiceClient", "Sns", "using Amazon.SimpleNotificationService;\nusing Amazon.SimpleNotificationService.Model;\n"),
            HandlerKind.DynamoDBStream => ("IAmazonDynamoDB", "AmazonDynamoDBClient", "Dynamo", "using Amazon.DynamoDBv2;\nusing Amazon.DynamoDBv2.Model;\n"),
            _ => ("IAmazonLambda", "AmazonLambdaClient", "Lambda", "using Amazon.Lambda;\nusing Amazon.Lambda.Model;\n"),
        };

        public override string Handler()
        {
            var u = Unit;
            var client = OutputClient;
            var clientField = u.ClientStyle switch
            {
                ClientStyle.StaticField => $"    private static readonly {client.Interface} {client.Name} = new {client.Class}();\n",
                ClientStyle.LazyProperty =>
                    $"    private static {client.Interface}? s_{client.Name.ToLowerInvariant()};\n\n" +
                    $"    private static {client.Interface} {client.Name} => s_{client.Name.ToLowerInvariant()} ??= new {client.Class}();\n",
                _ => $"    private static readonly {client.Interface} {client.Name} = Startup{u.Group:D3}.Services.GetRequiredService<{client.Interface}>();\n",
            };

            var (eventUsings, handler, process, output) = u.HandlerKind switch
            {
                HandlerKind.S3 => S3Parts(),
                HandlerKind.Sqs => SqsParts(),
                HandlerKind.Sns => SnsParts(),
                HandlerKind.DynamoDBStream => DynamoParts(),
                _ => ApiParts(),
            };

            var settings = new StringBuilder();
            settings.Append(OutputSetting());
            if (u.V401 && u.V401InHandler)
            {
                settings.Append($"\n    private const string ArchiveBucket = \"contoso-{u.AreaLower}-{u.Noun.ToLowerInvariant()}-archive\";\n");
            }
            else
            {
                settings.Append($"\n    private static readonly string ArchiveBucket = Environment.GetEnvironmentVariable(\"ARCHIVE_BUCKET_NAME\") ?? \"local-archive\";\n");
            }

            var auditUsings = u.V101 && u.V101Site is V101Site.HandlerBody or V101Site.HandlerHelper && u.HandlerKind != HandlerKind.Sqs
                ? "using Amazon.SQS;\n"
                : "";
            var archiveUsings = u.HandlerKind == HandlerKind.S3 ? "" : "using Amazon.S3;\nusing Amazon.S3.Model;\n";

            var header = $$"""
                using System.Text.Json;
                using Amazon.Lambda.Core;
                {{eventUsings}}{{client.Usings}}{{auditUsings}}{{archiveUsings}}using Contoso.Serverless.{{u.Area}}.Infrastructure;
                using Contoso.Serverless.{{u.Area}}.Models;
                using Contoso.Serverless.{{u.Area}}.Services;
                using Microsoft.Extensions.DependencyInjection;

                namespace Contoso.Serverless.{{u.Area}}.Functions;

                /// <summary>
                /// {{u.KindLabel}} function of the {{u.AreaLower}} domain: {{u.Noun.ToLowerInvariant()}} step.
                /// Handler: <c>Contoso.Serverless::Contoso.Serverless.{{u.Area}}.Functions.{{u.Name}}Function::FunctionHandler</c>.
                /// </summary>
                public sealed class {{u.Name}}Function
                {
                {{clientField}}
                    private static readonly IAmazonS3 Archive = Startup{{u.Group:D3}}.Services.GetRequiredService<IAmazonS3>();
                {{settings}}
                    private readonly I{{u.Name}}Service _service;

                    public {{u.Name}}Function()
                        : this(Startup{{u.Group:D3}}.Services.GetRequiredService<I{{u.Name}}Service>())
                    {
                    }

                    public {{u.Name}}Function(I{{u.Name}}Service service)
                    {
                        _service = service;
                    }

                """;

            var archive = $$"""
                        await Archive.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = ArchiveBucket,
                            Key = {{u.Helpers}}.BuildKey("{{u.Noun.ToLowerInvariant()}}", item.Id),
                            ContentBody = {{u.Helpers}}.ToJson(result),
                        });

                """;

            var audit = "";
            var helper = "";
            if (u.V101 && u.V101Site == V101Site.HandlerBody)
            {
                audit = $$"""
                            using var audit = new AmazonSQSClient();
                            await audit.SendMessageAsync(AuditQueueUrl, $"{{u.Name}} {item.Id} {result.Accepted}");

                    """;
                helper = AuditQueueSetting();
            }
            else if (u.V101 && u.V101Site == V101Site.HandlerHelper)
            {
                audit = $$"""
                            if (!result.Accepted)
                            {
                                await ReportRejectionAsync(item.Id, result.Reason ?? "unknown");
                            }

                    """;
                helper = AuditQueueSetting() + $$"""

                        private static async Task ReportRejectionAsync(string id, string reason)
                        {
                            var queue = new AmazonSQSClient();
                            await queue.SendMessageAsync(AuditQueueUrl, $"{{u.Name}} rejected {id}: {reason}");
                        }

                    """;
            }
            else if (u.V101 && u.V101Site == V101Site.HttpClientHelper)
            {
                audit = """
                            await NotifyWebhookAsync(item.Id, result.Accepted);

                    """;
                helper = $$"""

                        private static readonly string WebhookUrl = Environment.GetEnvironmentVariable("{{u.EnvPrefix}}_WEBHOOK_URL") ?? "https://hooks.example.com/";

                        private static async Task NotifyWebhookAsync(string id, bool accepted)
                        {
                            using var http = new HttpClient();
                            using var content = new StringContent(JsonSerializer.Serialize(new { id, accepted }));
                            using var response = await http.PostAsync(WebhookUrl, content);
                            response.EnsureSuccessStatusCode();
                        }

                    """;
            }

            var baseLines = GeneratedCorpus.CountLines(header) + GeneratedCorpus.CountLines(handler) + GeneratedCorpus.CountLines(process)
                + GeneratedCorpus.CountLines(output) + GeneratedCorpus.CountLines(archive) + GeneratedCorpus.CountLines(audit) + GeneratedCorpus.CountLines(helper) + 6;
            var (calls, methods) = Fill(baseLines);
            var processText = process.Replace("{FILLERS}", calls, StringComparison.Ordinal)
                .Replace("{OUTPUT}", string.Join("\n", new[] { output, archive, audit, CatalogSites("") + SnapStartSite() }.Where(part => part.Length > 0)), StringComparison.Ordinal);
            return header + "\n" + handler + "\n" + processText + helper + methods + SnapStartField() + "}\n";
        }

        private string OutputSetting()
        {
            var u = Unit;
            return u.HandlerKind switch
            {
                HandlerKind.S3 => $"\n    private static readonly string OutputBucket = Environment.GetEnvironmentVariable(\"{u.EnvPrefix}_OUTPUT_BUCKET\") ?? \"local-output\";\n",
                HandlerKind.Sqs => $"\n    private static readonly string NextQueueUrl = Environment.GetEnvironmentVariable(\"{u.EnvPrefix}_NEXT_QUEUE_URL\") ?? \"\";\n",
                HandlerKind.Sns => $"\n    private static readonly string NextTopicArn = Environment.GetEnvironmentVariable(\"{u.EnvPrefix}_NEXT_TOPIC_ARN\") ?? \"\";\n",
                HandlerKind.DynamoDBStream => $"\n    private static readonly string ProjectionTable = Environment.GetEnvironmentVariable(\"{u.EnvPrefix}_PROJECTION_TABLE_NAME\") ?? \"\";\n",
                _ => $"\n    private static readonly string FollowUpFunction = Environment.GetEnvironmentVariable(\"{u.EnvPrefix}_FOLLOW_UP_FUNCTION_NAME\") ?? \"\";\n",
            };
        }

        private string AuditQueueSetting() =>
            $"\n    private static readonly string AuditQueueUrl = Environment.GetEnvironmentVariable(\"{Unit.EnvPrefix}_AUDIT_QUEUE_URL\") ?? \"\";\n";

        private (string Usings, string Handler, string Process, string Output) S3Parts()
        {
            var u = Unit;
            var handler = $$"""
                    public async Task FunctionHandler(S3Event s3Event, ILambdaContext context)
                    {
                        context.Logger.LogInformation($"Received {s3Event.Records.Count} object notification(s)");
                        foreach (var record in s3Event.Records)
                        {
                            var key = Uri.UnescapeDataString(record.S3.Object.Key.Replace('+', ' '));
                            if (!{{u.Helpers}}.IsSupported(key))
                            {
                                context.Logger.LogInformation($"Skipping {key}");
                                continue;
                            }

                            await ProcessObjectAsync(record, key, context);
                        }
                    }

                """;
            var process = $$"""
                    private async Task ProcessObjectAsync(S3Event.S3EventNotificationRecord record, string key, ILambdaContext context)
                    {
                        var requestId = context.AwsRequestId;
                        var bucket = record.S3.Bucket.Name;
                        using var response = await S3.GetObjectAsync(bucket, key);
                        using var reader = new StreamReader(response.ResponseStream);
                        var item = {{u.Helpers}}.Parse<{{u.Name}}Item>(await reader.ReadToEndAsync());
                {FILLERS}        var result = await _service.ProcessAsync(item, requestId);
                {OUTPUT}    }

                """;
            var target = u.V201 ? "bucket" : "OutputBucket";
            var outputKey = u.V202 ? $"$\"results/{{Guid.NewGuid():N}}.json\"" : "Path.ChangeExtension(key, \".result.json\")";
            var output = $$"""
                        await S3.PutObjectAsync(new PutObjectRequest
                        {
                            BucketName = {{target}},
                            Key = {{outputKey}},
                            ContentBody = {{u.Helpers}}.ToJson(result),
                            ContentType = "application/json",
                        });

                """;
            return ("using Amazon.Lambda.S3Events;\n", handler, process, output);
        }

        private (string Usings, string Handler, string Process, string Output) SqsParts()
        {
            var u = Unit;
            var handler = """
                    public async Task<SQSBatchResponse> FunctionHandler(SQSEvent sqsEvent, ILambdaContext context)
                    {
                        var failures = new List<SQSBatchResponse.BatchItemFailure>();
                        foreach (var message in sqsEvent.Records)
                        {
                            try
                            {
                                await ProcessMessageAsync(message, context);
                            }
                            catch (Exception ex)
                            {
                                context.Logger.LogError(ex, "Message {MessageId} failed", message.MessageId);
                                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                            }
                        }

                        return new SQSBatchResponse(failures);
                    }

                """;
            var process = $$"""
                    private async Task ProcessMessageAsync(SQSEvent.SQSMessage message, ILambdaContext context)
                    {
                        var requestId = message.MessageId;
                        var item = {{u.Helpers}}.Parse<{{u.Name}}Item>(message.Body);
                {FILLERS}        var result = await _service.ProcessAsync(item, requestId);
                {OUTPUT}    }

                """;
            var output = u.V201
                ? """
                          var arn = message.EventSourceArn.Split(':');
                          var sourceQueueUrl = $"https://sqs.{arn[3]}.amazonaws.com/{arn[4]}/{arn[5]}";
                          await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = sourceQueueUrl, MessageBody = JsonSerializer.Serialize(result) });

                  """
                : """
                          await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = NextQueueUrl, MessageBody = JsonSerializer.Serialize(result) });

                  """;
            if (u.V202)
            {
                output += ResultWrite("Guid.NewGuid().ToString(\"N\")");
            }

            return ("using Amazon.Lambda.SQSEvents;\n", handler, process, output);
        }

        private (string Usings, string Handler, string Process, string Output) SnsParts()
        {
            var u = Unit;
            var handler = """
                    public async Task FunctionHandler(SNSEvent snsEvent, ILambdaContext context)
                    {
                        foreach (var record in snsEvent.Records)
                        {
                            context.Logger.LogInformation($"Notification {record.Sns.MessageId} from {record.EventSubscriptionArn}");
                            await ProcessNotificationAsync(record, context);
                        }
                    }

                """;
            var process = $$"""
                    private async Task ProcessNotificationAsync(SNSEvent.SNSRecord record, ILambdaContext context)
                    {
                        var requestId = record.Sns.MessageId;
                        var item = {{u.Helpers}}.Parse<{{u.Name}}Item>(record.Sns.Message);
                {FILLERS}        var result = await _service.ProcessAsync(item, requestId);
                {OUTPUT}    }

                """;
            var target = u.V201 ? "record.Sns.TopicArn" : "NextTopicArn";
            var output = $$"""
                        await Sns.PublishAsync(new PublishRequest
                        {
                            TopicArn = {{target}},
                            Subject = "{{u.Name}} result",
                            Message = {{u.Helpers}}.ToJson(result),
                        });

                """;
            if (u.V202)
            {
                output += ResultWrite("$\"{DateTime.UtcNow:yyyyMMddHHmmssfff}\"");
            }

            return ("using Amazon.Lambda.SNSEvents;\n", handler, process, output);
        }

        private (string Usings, string Handler, string Process, string Output) DynamoParts()
        {
            var u = Unit;
            var handler = """
                    public async Task<StreamsEventResponse> FunctionHandler(DynamoDBEvent dynamoEvent, ILambdaContext context)
                    {
                        var failures = new List<StreamsEventResponse.BatchItemFailure>();
                        foreach (var record in dynamoEvent.Records)
                        {
                            if (record.EventName == "REMOVE" || record.Dynamodb.NewImage is null)
                            {
                                continue;
                            }

                            try
                            {
                                await ProcessRecordAsync(record, context);
                            }
                            catch (Exception ex)
                            {
                                context.Logger.LogError(ex, "Record {Sequence} failed", record.Dynamodb.SequenceNumber);
                                failures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = record.Dynamodb.SequenceNumber });
                            }
                        }

                        return new StreamsEventResponse { BatchItemFailures = failures };
                    }

                """;
            var process = $$"""
                    private async Task ProcessRecordAsync(DynamoDBEvent.DynamodbStreamRecord record, ILambdaContext context)
                    {
                        var requestId = record.EventID;
                        var image = record.Dynamodb.NewImage;
                        var item = new {{u.Name}}Item
                        {
                            Id = image.TryGetValue("pk", out var pk) ? pk.S : record.EventID,
                            CustomerId = image.TryGetValue("customer", out var customer) ? customer.S : "",
                            Amount = image.TryGetValue("amount", out var amount) ? decimal.Parse(amount.N, System.Globalization.CultureInfo.InvariantCulture) : 0m,
                            Quantity = image.TryGetValue("quantity", out var quantity) ? int.Parse(quantity.N, System.Globalization.CultureInfo.InvariantCulture) : 0,
                        };
                {FILLERS}        var result = await _service.ProcessAsync(item, requestId);
                {OUTPUT}    }

                """;
            var table = u.V201 ? "record.EventSourceArn.Split('/')[1]" : "ProjectionTable";
            var key = u.V202 ? "Guid.NewGuid().ToString()" : "item.Id";
            var output = $$"""
                        await Dynamo.PutItemAsync(new PutItemRequest
                        {
                            TableName = {{table}},
                            Item = new Dictionary<string, AttributeValue>
                            {
                                ["pk"] = new AttributeValue { S = {{key}} },
                                ["accepted"] = new AttributeValue { BOOL = result.Accepted },
                                ["reason"] = new AttributeValue { S = result.Reason ?? "" },
                            },
                        });

                """;
            return ("using Amazon.Lambda.DynamoDBEvents;\n", handler, process, output);
        }

        private (string Usings, string Handler, string Process, string Output) ApiParts()
        {
            var u = Unit;
            var (usings, handler) = u.ApiStyle switch
            {
                ApiStyle.RestV1 => ("using Amazon.Lambda.APIGatewayEvents;\n", $$"""
                        public async Task<APIGatewayProxyResponse> FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context)
                        {
                            if (request.HttpMethod != "POST" || string.IsNullOrEmpty(request.Body))
                            {
                                return new APIGatewayProxyResponse { StatusCode = 400, Body = "expected a POST with a body" };
                            }

                            try
                            {
                                var item = {{u.Helpers}}.Parse<{{u.Name}}Item>(request.Body);
                                var result = await HandleAsync(item, context);
                                return new APIGatewayProxyResponse
                                {
                                    StatusCode = result.Accepted ? 200 : 409,
                                    Body = {{u.Helpers}}.ToJson(result),
                                    Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                                };
                            }
                            catch (InvalidDataException ex)
                            {
                                return new APIGatewayProxyResponse { StatusCode = 400, Body = ex.Message };
                            }
                        }

                    """),
                ApiStyle.HttpV2 => ("using Amazon.Lambda.APIGatewayEvents;\n", $$"""
                        public async Task<APIGatewayHttpApiV2ProxyResponse> FunctionHandler(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                        {
                            if (string.IsNullOrEmpty(request.Body))
                            {
                                return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 400, Body = "empty body" };
                            }

                            try
                            {
                                var item = {{u.Helpers}}.Parse<{{u.Name}}Item>(request.Body);
                                var result = await HandleAsync(item, context);
                                return new APIGatewayHttpApiV2ProxyResponse { StatusCode = result.Accepted ? 200 : 409, Body = {{u.Helpers}}.ToJson(result) };
                            }
                            catch (InvalidDataException ex)
                            {
                                return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 400, Body = ex.Message };
                            }
                        }

                    """),
                _ => ("using Amazon.Lambda.Annotations;\nusing Amazon.Lambda.Annotations.APIGateway;\n", $$"""
                        [LambdaFunction(MemorySize = 512, Timeout = 30)]
                        [HttpApi(LambdaHttpMethod.Post, "/{{u.AreaLower}}/{{u.Noun.ToLowerInvariant()}}")]
                        public async Task<IHttpResult> FunctionHandler([FromBody] {{u.Name}}Item item, ILambdaContext context)
                        {
                            try
                            {
                                var result = await HandleAsync(item, context);
                                return result.Accepted ? HttpResults.Ok(result) : HttpResults.Conflict(result);
                            }
                            catch (InvalidDataException ex)
                            {
                                return HttpResults.BadRequest(ex.Message);
                            }
                        }

                    """),
            };
            var process = $$"""
                    private async Task<{{u.Name}}Result> HandleAsync({{u.Name}}Item item, ILambdaContext context)
                    {
                        var requestId = context.AwsRequestId;
                {FILLERS}        var result = await _service.ProcessAsync(item, requestId);
                {OUTPUT}        return result;
                    }

                """;
            var function = u.V201 ? "context.FunctionName" : "FollowUpFunction";
            var output = $$"""
                        if (result.Accepted)
                        {
                            await Lambda.InvokeAsync(new InvokeRequest
                            {
                                FunctionName = {{function}},
                                InvocationType = InvocationType.Event,
                                Payload = {{u.Helpers}}.ToJson(result),
                            });
                        }

                """;
            return (usings, handler, process, output);
        }

        /// <summary>An extra DynamoDB write of the result, keyed by <paramref name="key"/> (a fresh value: LBP202).</summary>
        private string ResultWrite(string key) => $$"""
                    await _service.RecordResultAsync({{key}}, result);

            """;

        public override string Service()
        {
            var u = Unit;
            var tableName = u.V401 && !u.V401InHandler
                ? $"    private const string TableName = \"contoso-{u.AreaLower}-{u.Noun.ToLowerInvariant()}\";\n"
                : $"    private static readonly string TableName = Environment.GetEnvironmentVariable(\"{u.EnvPrefix}_TABLE_NAME\") ?? throw new InvalidOperationException(\"{u.EnvPrefix}_TABLE_NAME is not set\");\n";

            var apiKey = u.V301
                ? $$"""

                        private static readonly string PartnerApiKey = Environment.GetEnvironmentVariable("{{u.EnvPrefix}}_PARTNER_API_KEY") ?? "";

                        private static Task<string> GetPartnerApiKeyAsync() => Task.FromResult(PartnerApiKey);

                    """
                : $$"""

                        private static readonly string PartnerKeySecretArn = Environment.GetEnvironmentVariable("{{u.EnvPrefix}}_PARTNER_API_KEY_SECRET_ARN") ?? "";

                        private static readonly Lazy<Task<string>> PartnerApiKey = new(LoadPartnerApiKeyAsync);

                        {{(u.V102 ? "private static Task<string> GetPartnerApiKeyAsync() => LoadPartnerApiKeyAsync();" : "private static Task<string> GetPartnerApiKeyAsync() => PartnerApiKey.Value;")}}

                        private static async Task<string> LoadPartnerApiKeyAsync()
                        {
                            var secrets = Startup{{u.Group:D3}}.Services.GetRequiredService<IAmazonSecretsManager>();
                            var response = await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = PartnerKeySecretArn });
                            Console.WriteLine($"{{u.Name}}: partner key {{(u.V303 ? "{response.SecretString}" : "{response.Name}")}} loaded");
                            return response.SecretString;
                        }

                    """;

            var database = u.V101 && u.V101Site == V101Site.Service
                ? "        using var db = new AmazonDynamoDBClient();\n"
                : "        var db = _dynamo;\n";

            return $$"""
                using System.Globalization;
                using System.Net.Http.Json;
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.Model;
                using Amazon.SecretsManager;
                using Amazon.SecretsManager.Model;
                using Contoso.Serverless.{{u.Area}}.Infrastructure;
                using Contoso.Serverless.{{u.Area}}.Models;
                using Microsoft.Extensions.DependencyInjection;

                namespace Contoso.Serverless.{{u.Area}}.Services;

                public interface I{{u.Name}}Service
                {
                    Task<{{u.Name}}Result> ProcessAsync({{u.Name}}Item item, string requestId, CancellationToken cancellationToken = default);

                    Task<{{u.Name}}Item?> GetAsync(string id, CancellationToken cancellationToken = default);

                    Task RecordResultAsync(string key, {{u.Name}}Result result, CancellationToken cancellationToken = default);
                }

                /// <summary>Stores {{u.Noun.ToLowerInvariant()}} documents in DynamoDB and tells the partner API about accepted ones.</summary>
                public sealed class {{u.Name}}Service : I{{u.Name}}Service
                {
                {{tableName}}{{apiKey}}
                    private readonly IAmazonDynamoDB _dynamo;
                    private readonly IHttpClientFactory _httpClientFactory;

                    public {{u.Name}}Service(IAmazonDynamoDB dynamo, IHttpClientFactory httpClientFactory)
                    {
                        _dynamo = dynamo;
                        _httpClientFactory = httpClientFactory;
                    }

                    public async Task<{{u.Name}}Result> ProcessAsync({{u.Name}}Item item, string requestId, CancellationToken cancellationToken = default)
                    {
                        if (item.Lines.Count == 0)
                        {
                            return new {{u.Name}}Result(item.Id, false, "no lines");
                        }

                {{database}}        try
                        {
                            await db.PutItemAsync(new PutItemRequest
                            {
                                TableName = TableName,
                                Item = new Dictionary<string, AttributeValue>
                                {
                                    ["pk"] = new AttributeValue { S = $"{{u.Name}}#{item.Id}" },
                                    ["customer"] = new AttributeValue { S = item.CustomerId },
                                    ["amount"] = new AttributeValue { N = item.Amount.ToString(CultureInfo.InvariantCulture) },
                                    ["quantity"] = new AttributeValue { N = item.Quantity.ToString(CultureInfo.InvariantCulture) },
                                    ["request"] = new AttributeValue { S = requestId },
                                },
                                ConditionExpression = "attribute_not_exists(pk)",
                            }, cancellationToken);
                        }
                        catch (ConditionalCheckFailedException)
                        {
                            return new {{u.Name}}Result(item.Id, false, "duplicate");
                        }

                        await NotifyPartnerAsync(item, cancellationToken);
                        return new {{u.Name}}Result(item.Id, true, null);
                    }

                    public async Task<{{u.Name}}Item?> GetAsync(string id, CancellationToken cancellationToken = default)
                    {
                        var response = await _dynamo.GetItemAsync(new GetItemRequest
                        {
                            TableName = TableName,
                            Key = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue { S = $"{{u.Name}}#{id}" } },
                            ConsistentRead = true,
                        }, cancellationToken);
                        if (response.Item is null || response.Item.Count == 0)
                        {
                            return null;
                        }

                        return new {{u.Name}}Item
                        {
                            Id = id,
                            CustomerId = response.Item.TryGetValue("customer", out var customer) ? customer.S : "",
                            Amount = response.Item.TryGetValue("amount", out var amount) ? decimal.Parse(amount.N, CultureInfo.InvariantCulture) : 0m,
                            Quantity = response.Item.TryGetValue("quantity", out var quantity) ? int.Parse(quantity.N, CultureInfo.InvariantCulture) : 0,
                        };
                    }

                    public async Task RecordResultAsync(string key, {{u.Name}}Result result, CancellationToken cancellationToken = default)
                    {
                        await _dynamo.PutItemAsync(new PutItemRequest
                        {
                            TableName = TableName,
                            Item = new Dictionary<string, AttributeValue>
                            {
                                ["pk"] = new AttributeValue { S = "result#" + key },
                                ["id"] = new AttributeValue { S = result.Id },
                                ["accepted"] = new AttributeValue { BOOL = result.Accepted },
                            },
                        }, cancellationToken);
                    }

                    private async Task NotifyPartnerAsync({{u.Name}}Item item, CancellationToken cancellationToken)
                    {
                        var client = _httpClientFactory.CreateClient("{{u.AreaLower}}-partner");
                        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/{{u.AreaLower}}/events")
                        {
                            Content = JsonContent.Create(new { item.Id, item.CustomerId, Total = {{u.Helpers}}.Round(item.Amount) }),
                        };
                        request.Headers.Add("x-api-key", await GetPartnerApiKeyAsync());
                        using var response = await client.SendAsync(request, cancellationToken);
                        response.EnsureSuccessStatusCode();
                    }
                }

                """;
        }
    }

    private sealed class PlainUnitWriter : UnitWriter
    {
        public PlainUnitWriter(Unit unit)
            : base(unit)
        {
        }

        public override string HandlerFolder => "Processing";

        public override string HandlerSuffix => "Processor";

        protected override string Log(string level, string expression) => level switch
        {
            "Warn" => $"_log.Warn({expression});",
            _ => $"_log.Info({expression});",
        };

        public override string Handler()
        {
            var u = Unit;
            var header = $$"""
                using System.Text.Json;
                using Contoso.Platform.Common;
                using Contoso.Platform.{{u.Area}}.Infrastructure;
                using Contoso.Platform.{{u.Area}}.Models;
                using Contoso.Platform.{{u.Area}}.Services;

                namespace Contoso.Platform.{{u.Area}}.Processing;

                /// <summary>Consumes {{u.Noun.ToLowerInvariant()}} messages of the {{u.AreaLower}} domain from the platform queue.</summary>
                public sealed class {{u.Name}}Processor
                {
                    private static readonly HttpClient Http = new() { BaseAddress = new Uri("https://{{u.AreaLower}}.internal.example.com/") };

                    private static readonly string ResultsPath = Environment.GetEnvironmentVariable("{{u.EnvPrefix}}_RESULTS_PATH") ?? "v1/results";

                    private readonly I{{u.Name}}Service _service;
                    private readonly ILogSink _log;

                    public {{u.Name}}Processor()
                        : this(Registry{{u.Group:D3}}.Create{{u.Name}}Service(), ConsoleLogSink.Instance)
                    {
                    }

                    public {{u.Name}}Processor(I{{u.Name}}Service service, ILogSink log)
                    {
                        _service = service;
                        _log = log;
                    }

                    public async Task<int> ProcessBatchAsync(IReadOnlyList<Envelope> batch, CancellationToken cancellationToken)
                    {
                        var failures = 0;
                        foreach (var envelope in batch)
                        {
                            try
                            {
                                await ProcessAsync(envelope, cancellationToken);
                            }
                            catch (Exception ex) when (ex is JsonException or InvalidDataException)
                            {
                                _log.Error(ex, $"Message {envelope.Id} from {envelope.Source} failed");
                                failures++;
                            }
                        }

                        return failures;
                    }

                """;
            var target = u.V201 ? "envelope.Source" : "ResultsPath";
            var outputKey = u.V202 ? "Guid.NewGuid().ToString(\"N\")" : "item.Id";
            var output = $$"""
                        using var content = new StringContent({{u.Helpers}}.ToJson(result));
                        using var response = await Http.PutAsync($"{{{target}}}/{{{outputKey}}}", content, cancellationToken);
                        response.EnsureSuccessStatusCode();

                """;
            var helper = "";
            if (u.V101)
            {
                output += """

                            await NotifyWebhookAsync(item.Id, result.Accepted, cancellationToken);

                    """;
                helper = $$"""

                        private static readonly string WebhookUrl = Environment.GetEnvironmentVariable("{{u.EnvPrefix}}_WEBHOOK_URL") ?? "https://hooks.example.com/";

                        private static async Task NotifyWebhookAsync(string id, bool accepted, CancellationToken cancellationToken)
                        {
                            using var http = new HttpClient();
                            using var content = new StringContent(JsonSerializer.Serialize(new { id, accepted }));
                            using var response = await http.PostAsync(WebhookUrl, content, cancellationToken);
                            response.EnsureSuccessStatusCode();
                        }

                    """;
            }

            var process = $$"""
                    private async Task ProcessAsync(Envelope envelope, CancellationToken cancellationToken)
                    {
                        var requestId = envelope.Id;
                        var item = {{u.Helpers}}.Parse<{{u.Name}}Item>(envelope.Body);
                {FILLERS}        var result = await _service.ProcessAsync(item, requestId, cancellationToken);
                {OUTPUT}    }

                """;
            var baseLines = GeneratedCorpus.CountLines(header) + GeneratedCorpus.CountLines(process) + GeneratedCorpus.CountLines(output) + GeneratedCorpus.CountLines(helper) + 2;
            var (calls, methods) = Fill(baseLines);
            return header + "\n" + process.Replace("{FILLERS}", calls, StringComparison.Ordinal).Replace("{OUTPUT}", output + CatalogSites(", cancellationToken"), StringComparison.Ordinal) + helper + methods + "}\n";
        }

        public override string Service()
        {
            var u = Unit;
            var store = u.V401
                ? $"    private const string StoreName = \"contoso-{u.AreaLower}-{u.Noun.ToLowerInvariant()}\";\n"
                : $"    private static readonly string StoreName = Environment.GetEnvironmentVariable(\"{u.EnvPrefix}_STORE_NAME\") ?? throw new InvalidOperationException(\"{u.EnvPrefix}_STORE_NAME is not set\");\n";
            var apiKey = u.V301
                ? $"    private static readonly string PartnerApiKey = Environment.GetEnvironmentVariable(\"{u.EnvPrefix}_PARTNER_API_KEY\") ?? \"\";\n"
                : $"    private static readonly string PartnerApiKey = File.Exists(\"/run/secrets/{u.AreaLower}-partner\") ? File.ReadAllText(\"/run/secrets/{u.AreaLower}-partner\").Trim() : \"\";\n";
            return $$"""
                using System.Globalization;
                using System.Net.Http.Json;
                using Contoso.Platform.{{u.Area}}.Infrastructure;
                using Contoso.Platform.{{u.Area}}.Models;

                namespace Contoso.Platform.{{u.Area}}.Services;

                public interface I{{u.Name}}Service
                {
                    Task<{{u.Name}}Result> ProcessAsync({{u.Name}}Item item, string requestId, CancellationToken cancellationToken = default);

                    Task<{{u.Name}}Item?> GetAsync(string id, CancellationToken cancellationToken = default);

                    Task<IReadOnlyList<{{u.Name}}Item>> ListByCustomerAsync(string customerId, int limit, CancellationToken cancellationToken = default);
                }

                /// <summary>Stores {{u.Noun.ToLowerInvariant()}} documents in the document store and tells the partner API about accepted ones.</summary>
                public sealed class {{u.Name}}Service : I{{u.Name}}Service
                {
                {{store}}
                {{apiKey}}
                    private readonly HttpClient _http;
                    private readonly IReadOnlyDictionary<string, string> _settings;

                    public {{u.Name}}Service(HttpClient http, IReadOnlyDictionary<string, string> settings)
                    {
                        _http = http;
                        _settings = settings;
                    }

                    public async Task<{{u.Name}}Result> ProcessAsync({{u.Name}}Item item, string requestId, CancellationToken cancellationToken = default)
                    {
                        if (item.Lines.Count == 0)
                        {
                            return new {{u.Name}}Result(item.Id, false, "no lines");
                        }

                        var document = new Dictionary<string, string>
                        {
                            ["pk"] = $"{{u.Name}}#{item.Id}",
                            ["customer"] = item.CustomerId,
                            ["amount"] = item.Amount.ToString(CultureInfo.InvariantCulture),
                            ["quantity"] = item.Quantity.ToString(CultureInfo.InvariantCulture),
                            ["request"] = requestId,
                            ["region"] = _settings.TryGetValue("region", out var region) ? region : "",
                        };
                        using var response = await _http.PutAsJsonAsync($"stores/{StoreName}/documents/{Uri.EscapeDataString(item.Id)}?ifNoneMatch=*", document, cancellationToken);
                        if (response.StatusCode == System.Net.HttpStatusCode.PreconditionFailed)
                        {
                            return new {{u.Name}}Result(item.Id, false, "duplicate");
                        }

                        response.EnsureSuccessStatusCode();
                        await NotifyPartnerAsync(item, cancellationToken);
                        return new {{u.Name}}Result(item.Id, true, null);
                    }

                    public async Task<{{u.Name}}Item?> GetAsync(string id, CancellationToken cancellationToken = default)
                    {
                        using var response = await _http.GetAsync($"stores/{StoreName}/documents/{Uri.EscapeDataString(id)}", cancellationToken);
                        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                        {
                            return null;
                        }

                        response.EnsureSuccessStatusCode();
                        var document = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(cancellationToken) ?? new Dictionary<string, string>();
                        return new {{u.Name}}Item
                        {
                            Id = id,
                            CustomerId = document.TryGetValue("customer", out var customer) ? customer : "",
                            Amount = document.TryGetValue("amount", out var amount) ? decimal.Parse(amount, CultureInfo.InvariantCulture) : 0m,
                            Quantity = document.TryGetValue("quantity", out var quantity) ? int.Parse(quantity, CultureInfo.InvariantCulture) : 0,
                        };
                    }

                    public async Task<IReadOnlyList<{{u.Name}}Item>> ListByCustomerAsync(string customerId, int limit, CancellationToken cancellationToken = default)
                    {
                        if (limit <= 0)
                        {
                            return Array.Empty<{{u.Name}}Item>();
                        }

                        var url = $"stores/{StoreName}/documents?customer={Uri.EscapeDataString(customerId)}&limit={limit.ToString(CultureInfo.InvariantCulture)}";
                        var documents = await _http.GetFromJsonAsync<List<Dictionary<string, string>>>(url, cancellationToken) ?? new List<Dictionary<string, string>>();
                        var items = new List<{{u.Name}}Item>(documents.Count);
                        foreach (var document in documents)
                        {
                            items.Add(new {{u.Name}}Item
                            {
                                Id = document.TryGetValue("pk", out var pk) ? pk.Split('#')[^1] : "",
                                CustomerId = customerId,
                                Amount = document.TryGetValue("amount", out var amount) ? decimal.Parse(amount, CultureInfo.InvariantCulture) : 0m,
                                Quantity = document.TryGetValue("quantity", out var quantity) ? int.Parse(quantity, CultureInfo.InvariantCulture) : 0,
                            });
                        }

                        return items;
                    }

                    private async Task NotifyPartnerAsync({{u.Name}}Item item, CancellationToken cancellationToken)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "https://partner.example.com/v1/{{u.AreaLower}}/events")
                        {
                            Content = JsonContent.Create(new { item.Id, item.CustomerId, Total = {{u.Helpers}}.Round(item.Amount) }),
                        };
                        request.Headers.Add("x-api-key", PartnerApiKey);
                        using var response = await _http.SendAsync(request, cancellationToken);
                        response.EnsureSuccessStatusCode();
                    }
                }

                """;
        }
    }
}
