using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.Rules;
using LambdaBestPractices.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaBestPractices.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<LambdaBestPractices.Analyzers.Rules.LBP302DontHardCodeCredentialsRule>;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

/// <summary>
/// The keys below are AWS's documented example keys or made up; none is a real credential.
/// </summary>
public class LBP302DontHardCodeCredentialsAnalyzerTests
{
    private const string Usings = """
        using System;
        using Amazon;
        using Amazon.Lambda.Core;
        using Amazon.Runtime;
        using Amazon.S3;
        using Amazon.SQS;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.VerifyAnalyzerAsync(Usings + source, expected);

    private static DiagnosticResult Credentials(int location, string subject) =>
        Verify.Diagnostic(Descriptors.LBP302_DontHardCodeAwsCredentials).WithLocation(location).WithArguments(subject);

    // ---- flagged ----

    [Fact]
    public Task BasicAWSCredentialsWithLiterals_Reports() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client({|#0:new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")|}, RegionEndpoint.USEast1);

            public void Handle(string input, ILambdaContext context) { }
        }
        """, Credentials(0, "'new BasicAWSCredentials(...)'"));

    [Fact]
    public Task CredentialsFromConstantsAndStaticReadonlyLiterals_Report() => VerifyAsync("""
        public class Function
        {
            private const string AccessKey = {|#2:"AKIAIOSFODNN7EXAMPLE"|};
            private static readonly string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

            public void Handle(string input, ILambdaContext context)
            {
                var basic = {|#0:new BasicAWSCredentials(AccessKey, SecretKey)|};
                var session = {|#1:new SessionAWSCredentials(accessKeyFromVault(), SecretKey, "session-token")|};
            }

            private static string accessKeyFromVault() => "";
        }
        """,
        Credentials(0, "'new BasicAWSCredentials(...)'"),
        Credentials(1, "'new SessionAWSCredentials(...)'"),
        Credentials(2, LBP302DontHardCodeCredentialsRule.LiteralSubject));

    /// <summary>
    /// The engine's one definition of a constant string: keys written to a local once. As with a <c>const</c>, the
    /// constructor is reported (the fix removes the credentials) and so is the key literal where it is written.
    /// </summary>
    [Fact]
    public Task CredentialsFromLocalsWrittenOnce_Report() => VerifyAsync("""
        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                var accessKey = {|#1:"AKIAIOSFODNN7EXAMPLE"|};
                var secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
                var basic = {|#0:new BasicAWSCredentials(accessKey, secretKey)|};
                var fromInput = new BasicAWSCredentials(input, input.ToUpperInvariant());
            }
        }
        """,
        Credentials(0, "'new BasicAWSCredentials(...)'"),
        Credentials(1, LBP302DontHardCodeCredentialsRule.LiteralSubject));

    [Fact]
    public Task ClientConstructorWithAccessKeys_Reports() => VerifyAsync("""
        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                var s3 = {|#0:new AmazonS3Client("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", RegionEndpoint.EUWest1)|};
                AmazonSQSClient sqs = {|#1:new("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "session-token")|};
            }
        }
        """, Credentials(0, "'new AmazonS3Client(...)'"), Credentials(1, "'new AmazonSQSClient(...)'"));

    [Fact]
    public Task ConstantSecretKeyWithComputedAccessKey_Reports() => VerifyAsync("""
        public class Function
        {
            public void Handle(string accessKey, ILambdaContext context)
            {
                var credentials = {|#0:new BasicAWSCredentials(accessKey, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")|};
            }
        }
        """, Credentials(0, "'new BasicAWSCredentials(...)'"));

    [Fact]
    public Task AccessKeyIdShapedLiteralAnywhere_Reports() => VerifyAsync("""
        public class Function
        {
            private const string Profile = {|#0:"[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"|};

            public string Handle(string input, ILambdaContext context)
            {
                var key = {|#1:"ASIAIOSFODNN7EXAMPLE"|};
                return $"{input}:{{|#2:"AKIAI44QH8DHBEXAMPLE"|}}";
            }
        }
        """,
        Credentials(0, LBP302DontHardCodeCredentialsRule.LiteralSubject),
        Credentials(1, LBP302DontHardCodeCredentialsRule.LiteralSubject),
        Credentials(2, LBP302DontHardCodeCredentialsRule.LiteralSubject));

    [Fact]
    public Task AccessKeyIdInInterpolatedText_Reports() => VerifyAsync("""
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => $"{|#0:key=AKIAIOSFODNN7EXAMPLE;user=|}{input}";
        }
        """, Credentials(0, LBP302DontHardCodeCredentialsRule.LiteralSubject));

    // ---- silent ----

    [Fact]
    public Task ClientsAndCredentialsWithoutConstants_DoNotReport() => VerifyAsync("""
        public class Function
        {
            private static readonly IAmazonS3 S3 = new AmazonS3Client();
            private static readonly IAmazonS3 EuS3 = new AmazonS3Client(RegionEndpoint.EUWest1);

            public void Handle(string input, ILambdaContext context)
            {
                var fromEnvironment = new BasicAWSCredentials(
                    Environment.GetEnvironmentVariable("PARTNER_ACCESS_KEY_ID"),
                    Environment.GetEnvironmentVariable("PARTNER_SECRET_ACCESS_KEY"));
                var partner = new AmazonS3Client(fromEnvironment, RegionEndpoint.EUWest1);
                var anonymous = new AmazonS3Client(new AnonymousAWSCredentials());
            }
        }
        """);

    [Fact]
    public Task LocalEmulatorPlaceholderKeys_DoNotReport() => VerifyAsync("""
        public class Function
        {
            public void Handle(string input, ILambdaContext context)
            {
                var localStack = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config { ServiceURL = "http://localhost:4566" });
                var dynamoLocal = new BasicAWSCredentials("fakeMyKeyId", "fakeSecretAccessKey");
                var dashed = new AmazonSQSClient("local-access-key-id", "local-secret-access-key");
                var empty = new BasicAWSCredentials("", "");
            }
        }
        """);

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPL")]
    [InlineData("AKIAIOSFODNN7EXAMPLEX")]
    [InlineData("XAKIAIOSFODNN7EXAMPLE")]
    [InlineData("akiaiosfodnn7example")]
    [InlineData("AKIAiosfodnn7example")]
    [InlineData("AIDAIOSFODNN7EXAMPLE")]
    [InlineData("arn:aws:iam::123456789012:user/AKIA")]
    public Task LiteralsNotShapedLikeAnAccessKeyId_DoNotReport(string text) => VerifyAsync($$"""
        public class Function
        {
            public string Handle(string input, ILambdaContext context) => "{{text}}";
        }
        """);

    [Fact]
    public Task NonLambdaProject_DoesNotReport() => Verify.VerifyAnalyzerAsync("""
        using Amazon.Runtime;
        using Amazon.S3;

        public class Tool
        {
            public AmazonS3Client Create() => new AmazonS3Client(new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
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
                        var s3 = new AmazonS3Client(new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
                        var key = "AKIAIOSFODNN7EXAMPLE";
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task BrokenCode_DoesNotThrow()
    {
        // Constructors that do not bind are not judged; a key-shaped literal in them still is.
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    public void Handle(string input, ILambdaContext context)
                    {
                        var a = new BasicAWSCredentials({|#0:"AKIAIOSFODNN7EXAMPLE"|}
                        var b = new MissingClient({|#1:"AKIAIOSFODNN7EXAMPLE"|}, "secret");
                        var c = new AmazonS3Client(unknown, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
                        var d = new BasicAWSCredentials(, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Credentials(0, LBP302DontHardCodeCredentialsRule.LiteralSubject));
        test.ExpectedDiagnostics.Add(Credentials(1, LBP302DontHardCodeCredentialsRule.LiteralSubject));
        await test.RunAsync();
    }
}
