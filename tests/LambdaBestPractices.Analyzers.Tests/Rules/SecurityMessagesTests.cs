using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

/// <summary>
/// LBP301 and LBP302 never echo a secret: no diagnostic message contains the value, a piece of it, or its length (CI logs
/// are widely readable). One source holds every form of diagnostic the two rules produce, each with its own made-up value.
/// </summary>
public class SecurityMessagesTests
{
    // Made-up values (none is a real credential), chosen to share no word with the messages.
    private const string Password = "Zq8vXw3Kp9LmN2bTqR";
    private const string ConstPassword = "Hj4kLp7Qw2Er9Ty6Ui";
    private const string InitializerValue = "Mn3bVc8Xz1Lk5Jh7Gf";
    private const string IndexInitializerValue = "Pq2oWi9Eu4Ry7Tz1Xa";
    private const string IndexerValue = "Bn6mVc1Xz8Lk3Jh5Gd";
    private const string AddValue = "Rt5yUi2Op8As3Df6Gh";
    private const string LocalValue = "Wq9eRt4Yu7Io2Pa5Sd";
    private const string AddEnvironmentValue = "Kj8hGf3Ds6Az1Xc4Vb";
    private const string MemberInitializerValue = "Ty7uIo2Pl5Kj9Hg3Fd";
    private const string AccessKeyId = "AKIAZQ8VXW3KP9LMN2BT";
    private const string SessionKeyId = "ASIAHJ4KLP7QW2ER9TYU";
    private const string ClientKeyId = "AKIAMN3BVC8XZ1LK5JHG";
    private const string LooseKeyId = "AKIAPQ2OWI9EU4RY7TZX";
    private const string SecretAccessKey = "qV7+Zx2Lm9Np4Rt8Wy3Kb6Hc1Jd5Fg0Ss2Tt7Uu";
    private const string SessionToken = "FwoGZXIvYXdzEBaaDHqa0AP1hm2ZlcExample";

    private static readonly string[] Values =
    {
        Password, ConstPassword, InitializerValue, IndexInitializerValue, IndexerValue, AddValue, LocalValue,
        AddEnvironmentValue, MemberInitializerValue, AccessKeyId, SessionKeyId, ClientKeyId, LooseKeyId, SecretAccessKey, SessionToken,
    };

    private static readonly string Source = $$"""
        using System;
        using System.Collections.Generic;
        using Amazon;
        using Amazon.CDK;
        using Amazon.CDK.AWS.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Runtime;
        using Amazon.S3;
        using Constructs;

        public class Handler
        {
            private const string ConstPassword = "{{ConstPassword}}";

            public string Handle(string input, ILambdaContext context)
            {
                Environment.SetEnvironmentVariable("DB_PASSWORD", "{{Password}}");
                Environment.SetEnvironmentVariable("SMTP_PASSWORD", ConstPassword);
                var fromEnvironment = Environment.GetEnvironmentVariable("API_TOKEN");
                var basic = new BasicAWSCredentials("{{AccessKeyId}}", "{{SecretAccessKey}}");
                var session = new SessionAWSCredentials("{{SessionKeyId}}", "{{SecretAccessKey}}", "{{SessionToken}}");
                var s3 = new AmazonS3Client("{{ClientKeyId}}", "{{SecretAccessKey}}", RegionEndpoint.USEast1);
                return fromEnvironment + "{{LooseKeyId}}";
            }
        }

        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                var props = new FunctionProps
                {
                    Runtime = Runtime.DOTNET_8,
                    Handler = "h",
                    Code = Code.FromAsset("publish"),
                    Environment = new Dictionary<string, string> { { "CLIENT_SECRET", "{{InitializerValue}}" } },
                };
                var other = new FunctionProps
                {
                    Runtime = Runtime.DOTNET_8,
                    Handler = "h",
                    Code = Code.FromAsset("publish"),
                    Environment = new Dictionary<string, string> { ["STRIPE_API_KEY"] = "{{IndexInitializerValue}}" },
                };
                props.Environment["GITHUB_TOKEN"] = "{{IndexerValue}}";
                props.Environment.Add("PRIVATE_KEY", "{{AddValue}}");
                var environment = new Dictionary<string, string> { ["CONNECTION_STRING"] = "{{LocalValue}}" };
                var third = new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("publish"), Environment = environment };
                var fourth = new FunctionProps
                {
                    Runtime = Runtime.DOTNET_8,
                    Handler = "h",
                    Code = Code.FromAsset("publish"),
                    Environment = { ["WEBHOOK_SECRET"] = "{{MemberInitializerValue}}" },
                };
                new Function(this, "Api", props).AddEnvironment("SERVICE_CREDENTIALS", "{{AddEnvironmentValue}}");
            }
        }
        """;

    [Fact]
    public async Task EveryDiagnosticForm_NamesTheVariableOrConstructAndNeverTheValue()
    {
        var diagnostics = await AnalyzeAsync();

        // Every form above produces one diagnostic: 3 environment-variable forms in code, 7 CDK forms, 4 credentials forms.
        var lbp301 = diagnostics.Where(d => d.Id == DiagnosticIds.KeepSecretsOutOfEnvironmentVariables).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToArray();
        var lbp302 = diagnostics.Where(d => d.Id == DiagnosticIds.DontHardCodeAwsCredentials).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(10, lbp301.Length);
        Assert.Equal(4, lbp302.Length);

        foreach (var name in new[] { "DB_PASSWORD", "SMTP_PASSWORD", "API_TOKEN", "CLIENT_SECRET", "STRIPE_API_KEY", "GITHUB_TOKEN", "PRIVATE_KEY", "CONNECTION_STRING", "WEBHOOK_SECRET", "SERVICE_CREDENTIALS" })
        {
            Assert.Single(lbp301, m => m.Contains("'" + name + "'", System.StringComparison.Ordinal));
        }

        Assert.Contains(lbp302, m => m.Contains("'new BasicAWSCredentials(...)'", System.StringComparison.Ordinal));
        Assert.Contains(lbp302, m => m.Contains("'new SessionAWSCredentials(...)'", System.StringComparison.Ordinal));
        Assert.Contains(lbp302, m => m.Contains("'new AmazonS3Client(...)'", System.StringComparison.Ordinal));
        Assert.Contains(lbp302, m => m.Contains(LBP302DontHardCodeCredentialsRule.LiteralSubject, System.StringComparison.Ordinal));

        foreach (var message in lbp301.Concat(lbp302))
        {
            AssertNoEcho(message);
        }
    }

    [Fact]
    public void NoEchoCheck_CatchesAValuePrefixAndLength()
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertNoEcho("'DB_PASSWORD' is " + Password));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertNoEcho("'DB_PASSWORD' starts with " + Password.Substring(0, 4)));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertNoEcho("'DB_PASSWORD' has " + Password.Length + " characters"));
    }

    /// <summary>No value, no 4-character piece of a value, and no value's length as a number in <paramref name="message"/>.</summary>
    private static void AssertNoEcho(string message)
    {
        foreach (var value in Values)
        {
            for (var i = 0; i + 4 <= value.Length; i++)
            {
                Assert.DoesNotContain(value.Substring(i, 4), message, System.StringComparison.Ordinal);
            }

            Assert.DoesNotMatch("(?<![0-9])" + value.Length.ToString(CultureInfo.InvariantCulture) + "(?![0-9])", message);
        }
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Secrets.cs", Source));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<LBP301KeepSecretsOutOfEnvironmentRule>(), new RuleAnalyzer<LBP302DontHardCodeCredentialsRule>());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }
}
