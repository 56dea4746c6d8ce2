metadata name = 'Monitoring'
metadata description = 'Log Analytics workspace and a workspace-based Application Insights with local (key) auth disabled.'

@description('Required. Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Required. Name of the Application Insights component.')
param applicationInsightsName string

@description('Optional. Location for the resources.')
param location string = resourceGroup().location

@description('Optional. Tags applied to the resources.')
param tags object = {}

@description('Optional. Days the workspace keeps data (30 is the free-retention window).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    retentionInDays: retentionInDays
    sku: {
      name: 'PerGB2018'
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Telemetry is accepted only from Entra ID identities (Monitoring Metrics Publisher), not the key.
    DisableLocalAuth: true
  }
}

@description('The name of the Application Insights component (the connection string is read where it is used, never output).')
output applicationInsightsName string = applicationInsights.name

@description('The resource ID of the Application Insights component.')
output applicationInsightsResourceId string = applicationInsights.id

@description('The name of the Log Analytics workspace.')
output logAnalyticsName string = logAnalytics.name
