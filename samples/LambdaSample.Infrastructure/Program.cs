using Amazon.CDK;
using LambdaSample.Infrastructure;

var app = new App();
_ = new OrdersStack(app, "LambdaSampleOrders");
app.Synth();
