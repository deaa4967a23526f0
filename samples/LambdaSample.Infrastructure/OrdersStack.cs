using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace LambdaSample.Infrastructure;

/// <summary>
/// The sample's functions. The secrets below are made up. The compliant way: put a pointer in the environment
/// (<c>PAYMENT_API_KEY_SECRET_ID</c>) and grant the function read access to the secret, which never enters the template.
/// </summary>
public sealed class OrdersStack : Stack
{
    public OrdersStack(Construct scope, string id)
        : base(scope, id)
    {
        var ordersApi = new Function(this, "OrdersApi", new FunctionProps
        {
            Runtime = Runtime.DOTNET_8,
            Handler = "LambdaSample::LambdaSample.Functions.OrdersApiFunction::FunctionHandler",
            Code = Code.FromAsset("../LambdaSample/bin/Release/net8.0/publish"),
            MemorySize = 512,
            Timeout = Duration.Seconds(10),
            Environment = new Dictionary<string, string>
            {
                // Compliant: pointers and settings.
                ["PAYMENT_API_KEY_SECRET_ID"] = "lambda-sample/payment-api-key",
                ["TOKEN_TTL_SECONDS"] = "300",

                // Non-compliant: a secret in plain text, readable by anyone who can read the function's configuration.
                ["PAYMENT_API_KEY"] = "pk_live_not_a_real_key", // LBP301
            },
        });

        // Non-compliant: the same, added after the function is created.
        ordersApi.AddEnvironment("WEBHOOK_SECRET", "whsec_not_a_real_secret"); // LBP301

        // Compliant: the value comes from the deployment's context, not from the code.
        var dbPasswordParameter = (string?)Node.TryGetContext("dbPasswordParameter") ?? "/lambda-sample/db-password";
        ordersApi.AddEnvironment("DB_PASSWORD_PARAMETER", dbPasswordParameter);

        // Non-compliant: AWS_REGION is reserved; Lambda rejects the configuration and the deployment fails.
        ordersApi.AddEnvironment("AWS_REGION", "eu-west-1"); // LBP304

        // Compliant: a variable of the function's own.
        ordersApi.AddEnvironment("ORDERS_HOME_REGION", "eu-west-1");
    }
}
