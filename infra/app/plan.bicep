metadata name = 'Flex Consumption plan'
metadata description = 'The FC1 (Flex Consumption) Linux plan: scales to zero, billed per execution and instance memory.'

@description('Required. Name of the plan.')
param name string

@description('Optional. Location for the plan.')
param location string = resourceGroup().location

@description('Optional. Tags applied to the plan.')
param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

@description('The name of the plan.')
output name string = plan.name

@description('The resource ID of the plan.')
output resourceId string = plan.id
