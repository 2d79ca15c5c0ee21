<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="stones" tilewidth="16" tileheight="16" spacing="2" margin="1" tilecount="8" columns="4">
 <image source="stones.png" width="72" height="37"/>
 <tile id="0">
  <properties>
   <property name="lit" type="bool" value="true"/>
   <property name="name" value="flagstones"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="walkable" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="attenuation" type="int" value="12"/>
   <property name="name" value="rock"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="walkable" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="lit" type="bool" value="true"/>
   <property name="name" value="sand"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="walkable" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="name" value="mud"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="walkable" type="bool" value="true"/>
  </properties>
 </tile>
</tileset>
