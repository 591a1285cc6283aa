# Multi-stage build: the Maven wrapper builds the jar, a JRE image runs it against the PostgreSQL of docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY dmn dmn
COPY forms forms
RUN ./mvnw -B -q package -DskipTests -Dexec.skip=true

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 appealdesk
WORKDIR /app
COPY --from=build /src/target/appeal-desk-*.jar /app/appeal-desk.jar
USER appealdesk
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/appeal-desk.jar"]
