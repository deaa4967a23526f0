using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    LambdaBestPractices.Analyzers.Rules.LBP402DontHardCodeRegionRule,
    LambdaBestPractices.Analyzers.CodeFixes.LBP402DontHardCodeRegionCodeFixProvider>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

public class LBP402DontHardCodeRegionCodeFixProviderTests
{
    private const string Usings = """
        using System;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.Runtime;
        using Amazon.S3;
        using Amazon.S3.Transfer;
        using Amazon.SQS;

        """;

    private static Task VerifyFixAsync(string source, string fixedSource) =>
        Verify.VerifyCodeFixAsync(Usings + source, Usings + fixedSource, LBP402DontHardCodeRegionCodeFixProvider.RemoveRegionKey);

    // ---- constructor arguments ----

    [Fact]
    public Task OnlyArgument_IsRemoved() => VerifyFixAsync("""
        public class Function
        {
            // One client per execution environment.
            private static readonly IAmazonS3 S3 = new AmazonS3Client({|LBP402:RegionEndpoint.USEast1|}); // reused
            private static readonly TransferUtility Transfer = new TransferUtility({|LBP402:RegionEndpoint.USEast1|});

            public void Handle(string input, ILambdaContext context) { }
        }
        """, """
        public class Function
        {
            // One client per execution environment.
            private static readonly IAmazonS3 S3 = new AmazonS3Client(); // reused
            private static readonly TransferUtility Transfer = new TransferUtility();

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task ArgumentAfterCredentials_IsRemoved() => VerifyFixAsync("""
        public class Function
        {
            public void Handle(AWSCredentials credentials, ILambdaContext context)
            {
                using var s3 = new AmazonS3Client(credentials, {|LBP402:RegionEndpoint.USEast1|});
                AmazonSQSClient sqs = new(credentials, {|LBP402:RegionEndpoint.GetBySystemName("us-east-1")|});
            }
        }
        """, """
        public class Function
        {
            public void Handle(AWSCredentials credentials, ILambdaContext context)
            {
                using var s3 = new AmazonS3Client(credentials);
                AmazonSQSClient sqs = new(credentials);
            }
        }
        """);

    [Fact]
    public Task MultiLineArgumentWithComment_KeepsTheComment() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(
                new AmazonS3Config { ForcePathStyle = true }.GetType() == typeof(object) ? null! : FallbackCredentials(),
                // pinned while the bucket lives in Virginia
                {|LBP402:RegionEndpoint.USEast1|});

            private static AWSCredentials FallbackCredentials() => null!;

            public void Handle(string input, ILambdaContext context) { }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(
                new AmazonS3Config { ForcePathStyle = true }.GetType() == typeof(object) ? null! : FallbackCredentials()
                // pinned while the bucket lives in Virginia
        );

            private static AWSCredentials FallbackCredentials() => null!;

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task NamedArgument_OffersNoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            private static readonly IAmazonS3 Named = new AmazonS3Client(region: {|LBP402:RegionEndpoint.USEast1|});

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    // ---- config initializers ----

    [Fact]
    public Task OnlyInitializerMember_LeavesAnEmptyConstructorCall() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(new AmazonS3Config { RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|} });
            private static readonly AmazonSQSConfig SqsConfig = new()
            {
                RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|},
            };

            public void Handle(string input, ILambdaContext context) { }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(new AmazonS3Config());
            private static readonly AmazonSQSConfig SqsConfig = new();

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task InitializerMemberAmongOthers_IsRemovedWithItsComma() => VerifyFixAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(new AmazonS3Config { RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|}, ForcePathStyle = true });
            private static readonly AmazonSQSConfig SqsConfig = new AmazonSQSConfig
            {
                MaxErrorRetry = 2, // the queue is busy
                // home region
                RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|},
                Timeout = TimeSpan.FromSeconds(5),
            };

            public void Handle(string input, ILambdaContext context) { }
        }
        """, """
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client(new AmazonS3Config { ForcePathStyle = true });
            private static readonly AmazonSQSConfig SqsConfig = new AmazonSQSConfig
            {
                MaxErrorRetry = 2, // the queue is busy
                // home region
                Timeout = TimeSpan.FromSeconds(5),
            };

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task LastInitializerMemberWithoutTrailingComma_IsRemoved() => VerifyFixAsync("""
        public class Function
        {
            private static readonly AmazonS3Config Config = new AmazonS3Config
            {
                ForcePathStyle = true,
                RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|}
            };

            public void Handle(string input, ILambdaContext context) { }
        }
        """, """
        public class Function
        {
            private static readonly AmazonS3Config Config = new AmazonS3Config
            {
                ForcePathStyle = true
            };

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task OnlyInitializerMemberWithComment_KeepsTheBraces() => VerifyFixAsync("""
        public class Function
        {
            private static readonly AmazonS3Config Config = new AmazonS3Config
            {
                // the bucket is in Virginia
                RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|},
            };

            public void Handle(string input, ILambdaContext context) { }
        }
        """, """
        public class Function
        {
            private static readonly AmazonS3Config Config = new AmazonS3Config
            {
                // the bucket is in Virginia
            };

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    // ---- assignment statements ----

    [Fact]
    public Task AssignmentStatements_AreRemovedKeepingComments() => VerifyFixAsync("""
        public class Function
        {
            private readonly IAmazonSQS _sqs;

            static Function()
            {
                AWSConfigs.LoggingConfig.LogTo = LoggingOptions.Console;
                AWSConfigs.RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|};
            }

            public Function()
            {
                var config = new AmazonSQSConfig();
                // The queue lives in Virginia.
                config.RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|}; // for now
                config.MaxErrorRetry = 2;
                _sqs = new AmazonSQSClient(config);
            }

            public void Handle(string input, ILambdaContext context) { }
        }
        """, """
        public class Function
        {
            private readonly IAmazonSQS _sqs;

            static Function()
            {
                AWSConfigs.LoggingConfig.LogTo = LoggingOptions.Console;
            }

            public Function()
            {
                var config = new AmazonSQSConfig();
                // The queue lives in Virginia.
                // for now
                config.MaxErrorRetry = 2;
                _sqs = new AmazonSQSClient(config);
            }

            public void Handle(string input, ILambdaContext context) { }
        }
        """);

    [Fact]
    public Task AssignmentUsedAsAValueOrEmbedded_OffersNoFix() => Verify.VerifyNoCodeFixAsync(Usings + """
        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                var config = new AmazonS3Config();
                if (input.Length > 0)
                    config.RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|};
                var region = config.RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|};
            }
        }
        """);

    // ---- Fix All ----

    [Fact]
    public async Task FixAll_InDocumentProjectAndSolution()
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
                            private static readonly IAmazonS3 S3 = new AmazonS3Client({|LBP402:RegionEndpoint.EUWest1|});
                            private static readonly AmazonS3Config Config = new AmazonS3Config { RegionEndpoint = {|LBP402:RegionEndpoint.EUWest1|}, ForcePathStyle = true };

                            public void Handle(string input, ILambdaContext context)
                            {
                                var sqsConfig = new AmazonSQSConfig();
                                sqsConfig.RegionEndpoint = {|LBP402:RegionEndpoint.EUWest1|};
                            }
                        }
                        """),
                    ("/src/Function.Queue.cs", Usings + """
                        public partial class Function
                        {
                            private static readonly IAmazonSQS Sqs = new AmazonSQSClient(new AmazonSQSConfig { RegionEndpoint = {|LBP402:RegionEndpoint.EUWest1|} });
                        }
                        """),
                },
            },
            FixedState =
            {
                Sources =
                {
                    ("/src/Function.cs", Usings + """
                        public partial class Function
                        {
                            private static readonly IAmazonS3 S3 = new AmazonS3Client();
                            private static readonly AmazonS3Config Config = new AmazonS3Config { ForcePathStyle = true };

                            public void Handle(string input, ILambdaContext context)
                            {
                                var sqsConfig = new AmazonSQSConfig();
                            }
                        }
                        """),
                    ("/src/Function.Queue.cs", Usings + """
                        public partial class Function
                        {
                            private static readonly IAmazonSQS Sqs = new AmazonSQSClient(new AmazonSQSConfig());
                        }
                        """),
                },
            },
            CodeActionEquivalenceKey = LBP402DontHardCodeRegionCodeFixProvider.RemoveRegionKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task TopLevelStatement_IsRemoved()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                AWSConfigs.RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|};
                Console.WriteLine(typeof(ILambdaContext));
                """,
            FixedCode = Usings + """
                Console.WriteLine(typeof(ILambdaContext));
                """,
            CodeActionEquivalenceKey = LBP402DontHardCodeRegionCodeFixProvider.RemoveRegionKey,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
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
                        var a = new AmazonS3Client({|LBP402:RegionEndpoint.USEast1|});
                        var b = 1 +;
                        MissingType c = new AmazonS3Client(unknown, RegionEndpoint.USEast1);
                        new AmazonS3Config { RegionEndpoint = {|LBP402:RegionEndpoint.USEast1|}, Missing = 1 };
                    }
                }
                """,
            FixedCode = Usings + """
                public class Function
                {
                    public void Handle(string input, ILambdaContext context)
                    {
                        var a = new AmazonS3Client();
                        var b = 1 +;
                        MissingType c = new AmazonS3Client(unknown, RegionEndpoint.USEast1);
                        new AmazonS3Config { Missing = 1 };
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
            CodeActionEquivalenceKey = LBP402DontHardCodeRegionCodeFixProvider.RemoveRegionKey,
        };
        await test.RunAsync();
    }
}
