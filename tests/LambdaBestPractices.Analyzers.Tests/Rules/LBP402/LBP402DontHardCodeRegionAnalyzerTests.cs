using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP402DontHardCodeRegionRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP402DontHardCodeRegionAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.Runtime;
        using Amazon.S3;
        using Amazon.S3.Transfer;
        using Amazon.SQS;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static DiagnosticResult Region(int location, string region, string subject) =>
        Verify.Diagnostic(Descriptors.LBP402_DontHardCodeRegion).WithLocation(location).WithArguments(region, subject);

    // ---- flagged ----

    [Fact]
    public Task RegionFieldInClientConstructor_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client({|#0:RegionEndpoint.USEast1|});

            public void Handle(string input, ILambdaContext context) { }
        }
        """, Region(0, "us-east-1", "'new AmazonS3Client(...)'"));

    [Fact]
    public Task TargetTypedNewWithCredentialsAndRegion_Reports() => VerifyAsync("""
        public class Function
        {
            public void Handle(AWSCredentials credentials, ILambdaContext context)
            {
                AmazonSQSClient sqs = new(credentials, {|#0:RegionEndpoint.EUWest1|});
            }
        }
        """, Region(0, "eu-west-1", "'new AmazonSQSClient(...)'"));

    [Fact]
    public Task GetBySystemNameWithConstant_Reports() => VerifyAsync("""
        public class Function
        {
            private const string Home = "eu-central-1";
            private static readonly IAmazonS3 S3 = new AmazonS3Client({|#0:RegionEndpoint.GetBySystemName("eu-central-1")|});
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient({|#1:RegionEndpoint.GetBySystemName(Home)|});

            public void Handle(string input, ILambdaContext context) { }
        }
        """, Region(0, "eu-central-1", "'new AmazonS3Client(...)'"), Region(1, "eu-central-1", "'new AmazonSQSClient(...)'"));

    /// <summary>
    /// A region kept in a field: static readonly with an initializer, or a private field written once in the constructor
    /// (issue 16). The diagnostic sits on the call that takes it.
    /// </summary>
    [Fact]
    public Task GetBySystemNameWithARegionField_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly string HomeRegion = "eu-west-2";
            private readonly string _region;
            private readonly IAmazonS3 _s3;
            private readonly IAmazonSQS _sqs;

            public Function()
            {
                _region = "eu-west-2";
                _s3 = new AmazonS3Client({|#0:RegionEndpoint.GetBySystemName(HomeRegion)|});
                _sqs = new AmazonSQSClient({|#1:RegionEndpoint.GetBySystemName(_region)|});
            }

            public void Handle(string input, ILambdaContext context) { }
        }
        """, Region(0, "eu-west-2", "'new AmazonS3Client(...)'"), Region(1, "eu-west-2", "'new AmazonSQSClient(...)'"));

    /// <summary>A region field written from configuration as well as from a literal is not fixed.</summary>
    [Fact]
    public Task GetBySystemNameWithAFieldWrittenTwice_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private string _region;
            private readonly IAmazonS3 _s3;

            public Function()
            {
                _region = "eu-west-2";
                _region = Environment.GetEnvironmentVariable("AWS_REGION") ?? _region;
                _s3 = new AmazonS3Client(RegionEndpoint.GetBySystemName(_region));
            }

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    /// <summary>The engine's one definition of a constant string: a local written once, a get-only property, an interpolation.</summary>
    [Fact]
    public Task GetBySystemNameWithALocalPropertyOrInterpolation_Reports() => VerifyAsync("""
        public class Function
        {
            private static string Home { get; } = "eu-central-1";
            private static readonly IAmazonS3 S3 = new AmazonS3Client({|#0:RegionEndpoint.GetBySystemName(Home)|});

            public void Handle(string input, ILambdaContext context)
            {
                var region = "eu-central-1";
                using var sqs = new AmazonSQSClient({|#1:RegionEndpoint.GetBySystemName(region)|});
                var part = "central";
                using var s3 = new AmazonS3Client({|#2:RegionEndpoint.GetBySystemName($"eu-{part}-1")|});
            }
        }
        """,
        Region(0, "eu-central-1", "'new AmazonS3Client(...)'"),
        Region(1, "eu-central-1", "'new AmazonSQSClient(...)'"),
        Region(2, "eu-central-1", "'new AmazonS3Client(...)'"));

    [Fact]
    public Task GetBySystemNameWithALocalWrittenTwice_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                var region = "eu-central-1";
                if (input.Length > 0)
                {
                    region = input;
                }

                using var sqs = new AmazonSQSClient(RegionEndpoint.GetBySystemName(region));
            }
        }
        """);

    [Fact]
    public Task ConfigObjectInitializer_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(new AmazonS3Config { RegionEndpoint = {|#0:RegionEndpoint.APSoutheast2|}, ForcePathStyle = true });

            public void Handle(string input, ILambdaContext context) { }
        }
        """, Region(0, "ap-southeast-2", "'AmazonS3Config.RegionEndpoint'"));

    [Fact]
    public Task ConfigPropertyAssignment_Reports() => VerifyAsync("""
        public class Function
        {
            private readonly IAmazonSQS _sqs;

            public Function()
            {
                var config = new AmazonSQSConfig();
                config.RegionEndpoint = {|#0:RegionEndpoint.USWest2|};
                _sqs = new AmazonSQSClient(config);
            }

            public void Handle(string input, ILambdaContext context) { }
        }
        """, Region(0, "us-west-2", "'AmazonSQSConfig.RegionEndpoint'"));

    [Fact]
    public Task AWSConfigsRegionEndpoint_Reports() => VerifyAsync("""
        public class Function
        {
            static Function()
            {
                AWSConfigs.RegionEndpoint = {|#0:RegionEndpoint.USEast2|};
            }

            public void Handle(string input, ILambdaContext context) { }
        }
        """, Region(0, "us-east-2", "'AWSConfigs.RegionEndpoint'"));

    [Fact]
    public Task TransferUtilityConstructor_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly TransferUtility Transfer = new TransferUtility({|#0:RegionEndpoint.EUNorth1|});

            public void Handle(string input, ILambdaContext context) { }
        }
        """, Region(0, "eu-north-1", "'new TransferUtility(...)'"));

    [Fact]
    public Task SameRegionTwiceInOneType_ReportsBoth() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client({|#0:RegionEndpoint.USEast1|});
            private static readonly IAmazonSQS Sqs = new AmazonSQSClient({|#1:RegionEndpoint.GetBySystemName("US-EAST-1")|});

            public void Handle(string input, ILambdaContext context)
            {
                context.Logger.LogLine(RegionEndpoint.USEast1.SystemName);
            }
        }
        """,
        Region(0, "us-east-1", "'new AmazonS3Client(...)'"),
        Region(1, "US-EAST-1", "'new AmazonSQSClient(...)'"));

    [Fact]
    public async Task SameRegionAcrossPartialDeclarations_Reports()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/src/Function.cs", Usings + """
                        public partial class Function
                        {
                            private static readonly IAmazonS3 S3 = new AmazonS3Client({|#0:RegionEndpoint.USEast1|});

                            public void Handle(string input, ILambdaContext context) { }
                        }
                        """),
                    ("/src/Function.Queue.cs", Usings + """
                        public partial class Function
                        {
                            private static readonly IAmazonSQS Sqs = new AmazonSQSClient({|#1:RegionEndpoint.USEast1|});
                        }
                        """),
                },
            },
        };
        test.ExpectedDiagnostics.Add(Region(0, "us-east-1", "'new AmazonS3Client(...)'"));
        test.ExpectedDiagnostics.Add(Region(1, "us-east-1", "'new AmazonSQSClient(...)'"));
        await test.RunAsync();
    }

    [Fact]
    public Task DifferentRegionsInDifferentTypes_ReportEach() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client({|#0:RegionEndpoint.USEast1|});

            public void Handle(string input, ILambdaContext context) { }

            private sealed class Archive
            {
                public IAmazonS3 Create() => new AmazonS3Client({|#1:RegionEndpoint.EUWest1|});
            }
        }

        public static class Queues
        {
            public static IAmazonSQS Create() => new AmazonSQSClient({|#2:RegionEndpoint.EUWest1|});
        }
        """,
        Region(0, "us-east-1", "'new AmazonS3Client(...)'"),
        Region(1, "eu-west-1", "'new AmazonS3Client(...)'"),
        Region(2, "eu-west-1", "'new AmazonSQSClient(...)'"));

    [Fact]
    public Task RegionInsideLambdaAndLocalFunction_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly Lazy<IAmazonS3> S3 = new(() => new AmazonS3Client({|#0:RegionEndpoint.SAEast1|}));

            public void Handle(string input, ILambdaContext context)
            {
                using var sqs = Create();

                static AmazonSQSClient Create() => new AmazonSQSClient(({|#1:RegionEndpoint.SAEast1|}));
            }
        }
        """, Region(0, "sa-east-1", "'new AmazonS3Client(...)'"), Region(1, "sa-east-1", "'new AmazonSQSClient(...)'"));

    [Fact]
    public async Task TopLevelStatements_Report()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using var s3 = new AmazonS3Client({|#0:RegionEndpoint.CACentral1|});
                Console.WriteLine(typeof(ILambdaContext));
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
        };
        test.ExpectedDiagnostics.Add(Region(0, "ca-central-1", "'new AmazonS3Client(...)'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task DocumentAnalysis_ReportsLive()
    {
        var compilation = await AnalyzerCatalog.CompileAsync(Stubs.All, OutputKind.DynamicallyLinkedLibrary, ("Function.cs", Usings + """
            public class Function
            {
                private static readonly IAmazonS3 S3 = new AmazonS3Client(RegionEndpoint.USEast1);

                public void Handle(string input, ILambdaContext context) { }
            }
            """));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RuleAnalyzer<LBP402DontHardCodeRegionRule>()));
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Function.cs");

        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.DontHardCodeRegion, diagnostic.Id);
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, diagnostic.Descriptor.CustomTags);
    }

    // ---- silent ----

    [Fact]
    public Task TwoRegionsInOneType_DoesNotReport() => VerifyAsync("""
        public class CertificateFunction
        {
            // ACM certificates for CloudFront live in us-east-1; everything else in the home region.
            private static readonly IAmazonS3 Certificates = new AmazonS3Client(RegionEndpoint.USEast1);
            private static readonly IAmazonS3 Home = new AmazonS3Client(new AmazonS3Config { RegionEndpoint = RegionEndpoint.EUWest1 });

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task TwoRegionsAcrossPartialDeclarations_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/src/Replicator.cs", Usings + """
                        public partial class Replicator
                        {
                            private static readonly IAmazonS3 Source = new AmazonS3Client(RegionEndpoint.USEast1);

                            public void Handle(string input, ILambdaContext context) { }
                        }
                        """),
                    ("/src/Replicator.Target.cs", Usings + """
                        public partial class Replicator
                        {
                            private static readonly IAmazonS3 Target = new AmazonS3Client(RegionEndpoint.GetBySystemName("eu-west-1"));
                        }
                        """),
                },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task SecondRegionOutsideAClient_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly Dictionary<string, RegionEndpoint> Replicas = new()
            {
                ["primary"] = RegionEndpoint.USEast1,
                ["secondary"] = RegionEndpoint.USWest2,
            };

            private static readonly IAmazonS3 S3 = new AmazonS3Client(RegionEndpoint.USEast1);

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task RegionFromEnvironment_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(RegionEndpoint.GetBySystemName(Environment.GetEnvironmentVariable("AWS_REGION")));

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task RegionFromParameter_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                using var s3 = Create(RegionEndpoint.GetBySystemName(input));
            }

            private static AmazonS3Client Create(RegionEndpoint region) => new AmazonS3Client(region);
        }
        """);

    [Fact]
    public Task RegionFromConfigProperty_DoesNotReport() => VerifyAsync("""
        public class Settings
        {
            public string Region { get; set; } = "";
        }

        public class Function
        {
            private readonly IAmazonS3 _s3;

            public Function(Settings settings)
            {
                _s3 = new AmazonS3Client(new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region) });
            }

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task RegionUsedForSomethingElse_DoesNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly Dictionary<string, RegionEndpoint> Known = new() { ["home"] = RegionEndpoint.USEast1 };

            public void Handle(string input, ILambdaContext context)
            {
                context.Logger.LogLine(RegionEndpoint.USEast1.SystemName);
                var display = RegionEndpoint.GetBySystemName("us-east-1").DisplayName;
                var isHome = Known["home"] == RegionEndpoint.USEast1;
            }
        }
        """);

    [Fact]
    public Task NonLambdaProject_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon;
        using Amazon.S3;

        public class Tool
        {
            public AmazonS3Client Create() => new AmazonS3Client(RegionEndpoint.USEast1);
        }
        """, Stubs.None);

    [Fact]
    public async Task IsTestProject_DoesNotReport()
    {
        var test = new Verify.Test { TestCode = Usings + ClientInTest };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task TreatAsTestProjectOption_DoesNotReport()
    {
        var test = new Verify.Test { TestCode = Usings + ClientInTest };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nlambda_best_practices.treat_as_test_project = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task TestFileMarkedInEditorConfig_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/src/Function.cs", Usings + """
                        public class Function
                        {
                            private static readonly IAmazonS3 S3 = new AmazonS3Client({|#0:RegionEndpoint.USEast1|});

                            public void Handle(string input, ILambdaContext context) { }
                        }
                        """),
                    ("/src/Fakes/FakeClients.cs", Usings + ClientInTest),
                },
            },
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[/src/Fakes/*.cs]\nlambda_best_practices.treat_as_test_project = true\n"));
        test.ExpectedDiagnostics.Add(Region(0, "us-east-1", "'new AmazonS3Client(...)'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task TestFrameworkReference_DoesNotReport()
    {
        var test = new Verify.Test { TestCode = Usings + ClientInTest };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        await test.RunAsync();
    }

    [Fact]
    public async Task GeneratedCode_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/src/Clients.g.cs", Usings + """
                        public class GeneratedClients
                        {
                            public IAmazonS3 Create() => new AmazonS3Client(RegionEndpoint.USEast1);
                        }
                        """),
                    ("/src/Function.cs", "// <auto-generated/>\n" + Usings + """
                        public class Function
                        {
                            private static readonly IAmazonS3 S3 = new AmazonS3Client(RegionEndpoint.USEast1);

                            public void Handle(string input, ILambdaContext context) { }
                        }
                        """),
                },
            },
        };
        await test.RunAsync();
    }

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
                        var a = new AmazonS3Client(RegionEndpoint.USEast1
                        var b = new MissingClient(RegionEndpoint.USEast1);
                        var c = new AmazonS3Client(RegionEndpoint.Nowhere);
                        var d = new AmazonS3Client(RegionEndpoint.GetBySystemName());
                        var e = new AmazonS3Client(RegionEndpoint.GetBySystemName(null));
                        var f = new AmazonS3Client(, RegionEndpoint.USEast1);
                        var g = new MissingConfig { RegionEndpoint = RegionEndpoint.USEast1 };
                        missing.RegionEndpoint = RegionEndpoint.USEast1;
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }

    private const string ClientInTest = """
        public class FunctionTests
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(RegionEndpoint.USEast1);

            public void Setup(ILambdaContext context)
            {
                AWSConfigs.RegionEndpoint = RegionEndpoint.USEast1;
            }
        }
        """;
}
